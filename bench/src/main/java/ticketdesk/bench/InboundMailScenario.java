package ticketdesk.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Inbound email: known employees open tickets by email, the instance mails each requester a
 * notification, a responder holds each ticket, and then 5,000 replies to those notifications (to their signed Reply-To, threaded on
 * their Message-ID) go through {@code POST /mail/inbound}, one in ten delivered twice at the same time
 * as a mail relay retrying would. Reports replies applied per second and, from the database, how many
 * were stored exactly once.
 */
final class InboundMailScenario {

    static final String REPLY_PREFIX = "bench-reply-";

    private final Bench.Options options;

    InboundMailScenario(Bench.Options options) {
        this.options = options;
    }

    void run(Report report) {
        int replies = options.scale(5000, 500);
        int ticketCount = options.scale(500, 50);
        int employees = 100;
        try (Stack stack = Stack.create("td_bench_mail", options.logDir())) {
            AppInstance app = stack.launch("mail");
            String missing = Probe.mailMissing(stack, app);
            if (missing != null) {
                report.pending("mail", missing);
                return;
            }
            Flows flows = new Flows(stack);
            for (int e = 0; e < employees; e++) {
                stack.db.user("Employee " + e, employeeAddress(e), "employee", null);
            }
            List<HttpRequest> opening = new ArrayList<>();
            for (int t = 0; t < ticketCount; t++) {
                opening.add(flows.inboundMail(app, Mails.newRequest(employeeAddress(t % employees), Stack.SUPPORT_ADDRESS,
                        "<bench-new-" + t + "@bench.example>", "Printer " + t + " is broken", "It jams on page " + t)));
            }
            OpenLoop.Result opened = ClosedLoop.run(stack.http, 8, opening, r -> r.statusCode() == 200
                    && r.body().contains("opened_ticket"), true);
            report.info("mail", "new-ticket emails per second", String.format("%.0f /s", ticketCount / opened.seconds()));
            if (opened.errors() > 0) {
                throw new IllegalStateException(opened.errors() + " new-ticket emails not opened; first: "
                        + opened.firstError());
            }
            Map<Long, Mails.Received> notifications = awaitNotifications(stack, ticketCount);
            // the replies answer tickets someone holds (DESIGN's flow 3); the holder is set directly, as a fixture
            long holder = stack.db.user("Mail Responder", "responder@bench.example", "responder", null);
            stack.db.update("UPDATE tickets SET status = 'in_process', responder_id = ?, claimed_at = UTC_TIMESTAMP(6)"
                    + " WHERE status = 'pending'", holder);

            List<Mails.Received> originals = new ArrayList<>(notifications.values());
            List<HttpRequest> sends = new ArrayList<>();
            for (int i = 0; i < replies; i++) {
                Mails.Received original = originals.get(i % originals.size());
                byte[] raw = Mails.reply(original.to(), original, "<" + REPLY_PREFIX + i + "@bench.example>",
                        "Still broken, attempt " + i + ".");
                sends.add(flows.inboundMail(app, raw));
                if (i % 10 == 0) {
                    sends.add(flows.inboundMail(app, raw));
                }
            }
            Collections.shuffle(sends, new Random(11));
            double cpuBefore = app.cpuSeconds();
            OpenLoop.Result r = ClosedLoop.run(stack.http, 16, sends, resp -> resp.statusCode() == 200, true);
            double cpuPerReply = (app.cpuSeconds() - cpuBefore) * 1000 / replies;
            long appliedOnce = stack.db.count("SELECT COUNT(*) FROM (SELECT external_id FROM messages"
                    + " WHERE channel = 'email' AND external_id LIKE ? GROUP BY external_id HAVING COUNT(*) = 1) once",
                    "%" + REPLY_PREFIX + "%");
            long twice = stack.db.count("SELECT COUNT(*) FROM (SELECT external_id FROM messages"
                    + " WHERE channel = 'email' AND external_id LIKE ? GROUP BY external_id HAVING COUNT(*) > 1) twice",
                    "%" + REPLY_PREFIX + "%");
            report.add("mail", "replies applied per second", String.format("%.0f /s", replies / r.seconds()),
                    ">= 200 /s", replies / r.seconds() >= 200);
            report.info("mail", "requests (with redeliveries) / non-200", r.sent() + " / " + r.errors());
            report.info("mail", "app CPU per reply", Report.ms(cpuPerReply));
            report.info("mail", "request p50 / p99", Report.ms(r.percentileMillis(50)) + " / "
                    + Report.ms(r.percentileMillis(99)));
            report.add("mail", "replies stored exactly once", appliedOnce + " / " + replies, "all",
                    appliedOnce == replies);
            report.add("mail", "replies stored more than once", Long.toString(twice), "0", twice == 0);
            if (r.firstError() != null) {
                System.out.println("    first error: " + r.firstError());
            }
        }
    }

    private static Map<Long, Mails.Received> awaitNotifications(Stack stack, int tickets) {
        Map<Long, Mails.Received> byTicket = new LinkedHashMap<>();
        Flows.await(tickets + " notification emails to requesters", Duration.ofSeconds(120), () -> {
            for (Mails.Received m : Mails.received(stack.smtp)) {
                if (m.replyTo() != null && m.to().startsWith("employee")) {
                    byTicket.putIfAbsent(m.ticketId(), m);
                }
            }
            return byTicket.size() >= tickets;
        });
        return byTicket;
    }

    static String employeeAddress(int i) {
        return "employee" + i + "@bench.example";
    }
}
