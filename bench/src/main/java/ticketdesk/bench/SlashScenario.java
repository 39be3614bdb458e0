package ticketdesk.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code /ticket …} to HTTP 200 at 50, 200 and 500 requests/s, open loop, latency from the intended send time. */
final class SlashScenario {

    private final Bench.Options options;

    SlashScenario(Bench.Options options) {
        this.options = options;
    }

    void run(Report report) {
        try (Stack stack = Stack.create("td_bench_slash", options.logDir())) {
            AppInstance app = stack.launch("slash");
            String missing = Probe.slackMissing(stack, app);
            if (missing != null) {
                report.pending("slash", missing);
                return;
            }
            // warm-up: let the JIT and the pools settle before anything is recorded
            OpenLoop.run(stack.http, 50, Duration.ofSeconds(options.scale(10, 2)), i -> stack.slackRequests
                    .slashCommand(app.uri("/"), Flows.employee(i % 50), "warm-up " + i), r -> r.statusCode() == 200);
            for (int rate : rates()) {
                // signed beforehand, sent as bytes: the generator's CPU stays out of the app's way
                int total = rate * options.scale(30, 5);
                List<byte[]> commands = new ArrayList<>(total);
                for (int i = 0; i < total; i++) {
                    commands.add(RawHttp.slackEvent(app.uri("/"), stack.slackRequests.signedSlashCommand(
                            Flows.employee(i % 50), "printer on floor " + (i % 9) + " is broken")));
                }
                double cpuBefore = app.cpuSeconds();
                OpenLoop.Result r = OpenLoop.runRaw(app.uri("/"), rate, commands, 64,
                        answer -> answer.status() == 200 && OPENED.matcher(answer.body()).find());
                String at = "@" + rate + "/s ";
                report.info("slash", at + "p50", Report.ms(r.percentileMillis(50)));
                report.add("slash", at + "p99", Report.ms(r.percentileMillis(99)), rate == 200 ? "< 50 ms" : "",
                        rate == 200 ? r.percentileMillis(99) < 50 : null);
                report.info("slash", at + "p99.9", Report.ms(r.percentileMillis(99.9)));
                report.info("slash", at + "app CPU per request", Report.ms((app.cpuSeconds() - cpuBefore) * 1000
                        / r.sent()));
                report.add("slash", at + "errors / sent", r.errors() + " / " + r.sent(), rate == 200 ? "0" : "",
                        rate == 200 ? r.errors() == 0 : null);
                if (r.firstError() != null) {
                    System.out.println("    first error: " + r.firstError());
                }
            }
            long tickets = stack.db.count("SELECT COUNT(*) FROM tickets");
            report.info("slash", "tickets stored", Long.toString(tickets));
        }
    }

    /** The answer of a command that opened its ticket (not "Still working…", not "too busy"). */
    private static final java.util.regex.Pattern OPENED = java.util.regex.Pattern.compile("Ticket #\\d+ opened");

    /** The rates to run, 50, 200 and 500 /s unless -Dbench.slashRates="200" names others. */
    private static int[] rates() {
        String rates = System.getProperty("bench.slashRates", "").trim();
        return rates.isEmpty() ? new int[] {50, 200, 500}
                : java.util.Arrays.stream(rates.split(",")).mapToInt(r -> Integer.parseInt(r.trim())).toArray();
    }
}
