package ticketdesk.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * Claim storm: pending tickets opened with {@code /ticket}, then 20 responders click Claim on every
 * card, all in the same order so that the 20 clicks on a ticket race each other. Reports clicks
 * answered per second and, from the database, tickets with more than one holder.
 */
final class ClaimStormScenario {

    static final String DOUBLE_CLAIMS = "SELECT COUNT(*) FROM (SELECT ticket_id FROM ticket_events"
            + " WHERE event_type = 'claimed' GROUP BY ticket_id HAVING COUNT(*) > 1) twice";

    private final Bench.Options options;

    ClaimStormScenario(Bench.Options options) {
        this.options = options;
    }

    void run(Report report) {
        int ticketCount = options.scale(1000, 100);
        int responders = 20;
        try (Stack stack = Stack.create("td_bench_claims", options.logDir())) {
            AppInstance app = stack.launch("claims");
            String missing = Probe.slackMissing(stack, app);
            if (missing != null) {
                report.pending("claims", missing);
                return;
            }
            Flows flows = new Flows(stack);
            flows.seedResponders(responders);
            Map<Long, FakeSlack.Card> cards = flows.openTickets(List.of(app), ticketCount, 8, Duration.ofSeconds(180));
            List<FakeSlack.Card> order = new ArrayList<>(cards.values());

            // every click signed beforehand, so the clock measures the app and not the load generator
            List<List<byte[]>> signedClicks = new ArrayList<>();
            for (int r = 0; r < responders; r++) {
                List<byte[]> mine = new ArrayList<>(order.size());
                for (FakeSlack.Card card : order) {
                    mine.add(RawHttp.slackEvent(app.uri("/"), flows.signedClaim(card, Flows.responder(r))));
                }
                signedClicks.add(mine);
            }
            SynchronizedHistogram latency = new SynchronizedHistogram(60_000_000L, 3);
            AtomicLong failures = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(responders);
            double cpuBefore = app.cpuSeconds();
            CpuShares shares = CpuShares.start(stack.db, app.pid());
            long start = System.nanoTime();
            List<Future<?>> clickers = new ArrayList<>();
            for (List<byte[]> mine : signedClicks) {
                clickers.add(pool.submit(() -> {
                    try (RawHttp connection = new RawHttp(app.uri("/"))) {
                        for (byte[] click : mine) {
                            long sent = System.nanoTime();
                            int status = connection.send(click);
                            latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                            if (status != 200) {
                                failures.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> clicker : clickers) {
                try {
                    clicker.get(10, TimeUnit.MINUTES);
                } catch (Exception e) {
                    throw new IllegalStateException("a responder's clicks did not finish", e);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdownNow();
            long clicks = (long) order.size() * responders;
            long claimed = stack.db.count("SELECT COUNT(*) FROM tickets WHERE status = 'in_process'"
                    + " AND responder_id IS NOT NULL");
            long doubles = stack.db.count(DOUBLE_CLAIMS);
            report.add("claims", "claim clicks answered per second", String.format("%.0f /s", clicks / seconds),
                    ">= 1000 /s", clicks / seconds >= 1000);
            report.info("claims", "clicks / non-200 answers", clicks + " / " + failures.get());
            report.info("claims", "app CPU per click", Report.ms((app.cpuSeconds() - cpuBefore) * 1000 / clicks));
            report.info("claims", "CPU per click, by process", shares.perRequest(clicks));
            report.info("claims", "SQL statements per click", shares.statementsPerRequest(clicks));
            report.info("claims", "click p50 / p99", Report.ms(latency.getValueAtPercentile(50) / 1000.0) + " / "
                    + Report.ms(latency.getValueAtPercentile(99) / 1000.0));
            report.info("claims", "tickets claimed / opened", claimed + " / " + order.size());
            report.add("claims", "tickets with more than one claimed event", Long.toString(doubles), "0",
                    doubles == 0);
            long drainStart = System.nanoTime();
            boolean drained = Flows.eventually(Duration.ofMinutes(5), () -> stack.db.count(
                    "SELECT COUNT(*) FROM notifications WHERE status = 'pending'") == 0);
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            long notifications = stack.db.count("SELECT COUNT(*) FROM notifications");
            report.info("claims", "outbox rows / left pending after the storm + " + String.format("%.0f s",
                    drainSeconds), notifications + " / " + stack.db.count("SELECT COUNT(*) FROM notifications"
                    + " WHERE status = 'pending'") + (drained ? "" : " (not drained)"));
        }
    }
}
