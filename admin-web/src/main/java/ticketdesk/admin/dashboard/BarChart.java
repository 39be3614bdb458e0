package ticketdesk.admin.dashboard;

import java.util.ArrayList;
import java.util.List;

/** A horizontal bar chart laid out on the server; the view draws it as inline SVG, labels escaped as text. */
record BarChart(String title, int width, int height, List<Bar> bars) {

    static final int WIDTH = 460;
    private static final int LABEL_WIDTH = 140;
    private static final int ROW = 26;
    private static final int TOP = 10;

    record Bar(String label, long value, int y, int barWidth, int textY, int valueX, String css) {
    }

    record Entry(String label, long value, String css) {
    }

    static BarChart of(String title, List<Entry> entries) {
        long max = entries.stream().mapToLong(Entry::value).max().orElse(0);
        int span = WIDTH - LABEL_WIDTH - 50;
        List<Bar> bars = new ArrayList<>();
        int y = TOP;
        for (Entry e : entries) {
            int w = max == 0 ? 0 : (int) Math.max(e.value() > 0 ? 2 : 0, Math.round((double) e.value() / max * span));
            String label = e.label().length() > 22 ? e.label().substring(0, 21) + "…" : e.label();
            bars.add(new Bar(label, e.value(), y, w, y + 14, LABEL_WIDTH + w + 6, e.css()));
            y += ROW;
        }
        return new BarChart(title, WIDTH, Math.max(y + TOP, 40), bars);
    }
}
