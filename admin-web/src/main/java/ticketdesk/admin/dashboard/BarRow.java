package ticketdesk.admin.dashboard;

import java.util.List;

/** A count beside its bar: the largest count of its list fills {@value #WIDTH} pixels, any other count at least 2. */
record BarRow(String label, long count, int width) {

    static final int WIDTH = 200;

    static List<BarRow> of(List<DashboardQueries.Count> counts) {
        long max = counts.stream().mapToLong(DashboardQueries.Count::count).max().orElse(0);
        return counts.stream().map(c -> new BarRow(c.label(), c.count(), max == 0 || c.count() == 0 ? 0
                : (int) Math.max(2, Math.round((double) c.count() / max * WIDTH)))).toList();
    }
}
