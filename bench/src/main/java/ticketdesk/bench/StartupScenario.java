package ticketdesk.bench;

import java.time.Duration;

/**
 * Start-up: seconds from launching {@code java -jar} to {@code /health} UP, first on an empty database
 * (Flyway migrates) and then restarted on the migrated one; resident memory idle and under load 1
 * ({@code /ticket} at 200 requests/s).
 */
final class StartupScenario {

    private final Bench.Options options;

    StartupScenario(Bench.Options options) {
        this.options = options;
    }

    void run(Report report) {
        try (Stack stack = Stack.create("td_bench_startup", options.logDir())) {
            AppInstance first = stack.launch("startup-first");
            report.add("startup", "launch to /health UP, empty database", String.format("%.2f s",
                    first.secondsToHealthy()), "< 3 s", first.secondsToHealthy() < 3);
            first.close();
            double best = Double.MAX_VALUE;
            AppInstance last = null;
            for (int i = 0; i < options.scale(3, 1); i++) {
                if (last != null) {
                    last.close();
                }
                last = stack.launch("startup-restart-" + i);
                best = Math.min(best, last.secondsToHealthy());
            }
            AppInstance app = last;
            report.add("startup", "launch to /health UP, migrated database (best)", String.format("%.2f s", best),
                    "< 3 s", best < 3);
            AppInstance.sleep(options.scale(10_000, 2_000));
            double idle = app.rssMiB();
            report.add("startup", "RSS idle", String.format("%.0f MiB", idle), "< 300 MB", idle * 1.048576 < 300);
            report.info("startup", "RSS idle, by kind", app.rssParts());
            String missing = Probe.slackMissing(stack, app);
            if (missing != null) {
                report.pending("startup", "RSS under load 1: " + missing);
                return;
            }
            double peak = LoadSampler.peakRssDuring(app, () -> OpenLoop.run(stack.http, 200,
                    Duration.ofSeconds(options.scale(30, 5)), i -> stack.slackRequests.slashCommand(app.uri("/"),
                            Flows.employee(i % 50), "load " + i), r -> r.statusCode() == 200));
            report.add("startup", "RSS peak under /ticket at 200 req/s", String.format("%.0f MiB", peak), "< 300 MB",
                    peak * 1.048576 < 300);
            report.info("startup", "RSS after the load, by kind", app.rssParts());
        }
    }
}
