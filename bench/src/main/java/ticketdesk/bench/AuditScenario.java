package ticketdesk.bench;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Audit at scale: 100,000 tickets and 1,000,000 events seeded with batched SQL, then the admin panel's
 * ticket timeline and a filtered audit page, each at a steady 20 requests/s, signed in as the admin.
 * The routes can be overridden with -Dbench.admin.timeline / -Dbench.admin.audit ({id}, {actor} filled in).
 */
final class AuditScenario {

    private final Bench.Options options;

    AuditScenario(Bench.Options options) {
        this.options = options;
    }

    void run(Report report) {
        int tickets = options.scale(100_000, 10_000);
        int events = tickets * 10;
        int users = 500;
        try (Stack stack = Stack.create("td_bench_audit", options.logDir())) {
            AppInstance app = stack.launch("audit");
            long started = System.nanoTime();
            long firstTicket;
            try {
                firstTicket = new AuditSeed(stack.db).seed(users, tickets, events);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("seeding failed", e);
            }
            double seedSeconds = (System.nanoTime() - started) / 1e9;
            long stored = stack.db.count("SELECT COUNT(*) FROM ticket_events");
            report.info("audit", "events seeded (seconds)", stored + String.format(" (%.0f s)", seedSeconds));
            String missing = Probe.adminMissing(stack, app);
            if (missing != null) {
                report.pending("audit", missing);
                return;
            }
            AdminClient admin = new AdminClient(app);
            admin.signIn(Stack.ADMIN_EMAIL, Stack.ADMIN_PASSWORD);
            long firstUser = stack.db.count("SELECT MIN(id) FROM users WHERE email LIKE 'seeded%'");
            String timeline = System.getProperty("bench.admin.timeline", "/admin/tickets/{id}");
            String audit = System.getProperty("bench.admin.audit", "/admin/audit?type=claimed&actor={actor}");
            measure(report, admin, "timeline page " + timeline, timeline, firstTicket, tickets, firstUser, users);
            measure(report, admin, "audit page " + audit, audit, firstTicket, tickets, firstUser, users);
            String byTypeAndDates = System.getProperty("bench.admin.audit2",
                    "/admin/audit?type=resolved&from=" + java.time.LocalDate.now().minusDays(200) + "&to="
                            + java.time.LocalDate.now().minusDays(100));
            measure(report, admin, "audit page " + byTypeAndDates.replaceAll("\\d{4}-\\d\\d-\\d\\d", "…"),
                    byTypeAndDates, firstTicket, tickets, firstUser, users);
            sample(report, admin, System.getProperty("bench.admin.audit3", "/admin/audit?type=claimed"));
        }
    }

    /** A few requests one after another: for a page too slow to load at 20/s without swamping the database. */
    private void sample(Report report, AdminClient admin, String route) {
        java.util.List<java.net.http.HttpRequest> five = java.util.Collections.nCopies(5, admin.request(route));
        OpenLoop.Result r = ClosedLoop.run(admin.http, 1, five, resp -> resp.statusCode() == 200);
        report.add("audit", "audit page " + route + " p50 of 5 in a row", Report.ms(r.percentileMillis(50)),
                "< 100 ms", r.percentileMillis(50) < 100 && r.errors() == 0);
        report.info("audit", "audit page " + route + " errors / sent", r.errors() + " / " + r.sent());
    }

    private void measure(Report report, AdminClient admin, String label, String route, long firstTicket, int tickets,
                         long firstUser, int users) {
        SplittableRandom random = new SplittableRandom(7);
        java.util.function.IntFunction<java.net.http.HttpRequest> request = i -> admin.request(route
                .replace("{id}", Long.toString(firstTicket + random.nextInt(tickets)))
                .replace("{actor}", Long.toString(firstUser + random.nextInt(users))));
        OpenLoop.run(admin.http, 20, Duration.ofSeconds(options.scale(5, 2)), request, r -> r.statusCode() == 200);
        OpenLoop.Result r = OpenLoop.run(admin.http, 20, Duration.ofSeconds(options.scale(30, 5)), request,
                resp -> resp.statusCode() == 200);
        report.info("audit", label + " p50", Report.ms(r.percentileMillis(50)));
        report.add("audit", label + " p95", Report.ms(r.percentileMillis(95)), "< 100 ms",
                r.percentileMillis(95) < 100 && r.errors() == 0);
        report.add("audit", label + " errors / sent", r.errors() + " / " + r.sent(), "0", r.errors() == 0);
        if (r.firstError() != null) {
            System.out.println("    first error: " + r.firstError());
        }
    }
}
