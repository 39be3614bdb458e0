package ticketdesk.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The table the harness prints: one row per figure, with its target and whether it was met. */
public final class Report {

    public record Row(String scenario, String figure, String value, String target, String verdict) {
    }

    private final List<Row> rows = new ArrayList<>();

    public void add(String scenario, String figure, String value, String target, Boolean met) {
        rows.add(new Row(scenario, figure, value, target, met == null ? "" : met ? "ok" : "MISSED"));
        System.out.printf("  %-10s %-44s %14s   %s%n", scenario, figure, value, target);
    }

    public void info(String scenario, String figure, String value) {
        add(scenario, figure, value, "", null);
    }

    public void pending(String scenario, String why) {
        rows.add(new Row(scenario, "pending", why, "", "PENDING"));
        System.out.printf("  %-10s pending: %s%n", scenario, why);
    }

    public void print(PrintStream out) {
        int[] w = {8, 6, 5, 6, 7};
        for (Row r : rows) {
            w[0] = Math.max(w[0], r.scenario().length());
            w[1] = Math.max(w[1], r.figure().length());
            w[2] = Math.max(w[2], r.value().length());
            w[3] = Math.max(w[3], r.target().length());
            w[4] = Math.max(w[4], r.verdict().length());
        }
        String format = "| %-" + w[0] + "s | %-" + w[1] + "s | %" + w[2] + "s | %-" + w[3] + "s | %-" + w[4] + "s |%n";
        out.printf(format, "scenario", "figure", "value", "target", "verdict");
        out.printf("|%s|%s|%s|%s|%s|%n", "-".repeat(w[0] + 2), "-".repeat(w[1] + 2), "-".repeat(w[2] + 1) + ":",
                "-".repeat(w[3] + 2), "-".repeat(w[4] + 2));
        for (Row r : rows) {
            out.printf(format, r.scenario(), r.figure(), r.value(), r.target(), r.verdict());
        }
    }

    static String ms(double millis) {
        return String.format("%.1f ms", millis);
    }
}
