package ticketdesk.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ticketdesk.admin.web.Http;
import ticketdesk.core.outbox.OutboxWorker;
import ticketdesk.core.user.ManagingUsers;
import ticketdesk.core.user.User;

/**
 * Webhooks through the outbox to a real receiver on a local socket: signed as documented, retried while it answers
 * 500, delivered once each and in order per ticket, failed after the last attempt and retried from the panel.
 */
@MicronautTest(transactional = false)
class WebhooksTest extends ApiTest {

    private static final String SECRET = "a secret of the receiver's own";

    @Inject
    OutboxWorker worker;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ticketdesk.outbox.base-delay", "0s", "ticketdesk.outbox.max-attempts", "4");
    }

    @BeforeEach
    void nothingPending() throws Exception {
        try (Connection c = db.connect(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE notifications SET status = 'sent' WHERE status <> 'sent'");
            s.executeUpdate("DELETE FROM webhook_endpoints");
        }
    }

    @Test
    void everyEventIsDeliveredSignedOnceAndInOrderAfterTheReceiverAnswered500() throws Exception {
        User admin = world.admin("Ada Hooks");
        try (Receiver receiver = new Receiver(3)) {
            ApiClient.Answer registered = as(admin).post("/api/v1/webhooks",
                    Map.of("url", receiver.url().toString(), "secret", SECRET));
            assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
            assertThat(registered.body()).containsEntry("secret", SECRET);
            assertThat(as(admin).get("/api/v1/webhooks/" + registered.id()).raw()).doesNotContain(SECRET);
            User emma = world.employee("Emma Hooks");
            long ticket = as(emma).post("/api/v1/tickets", Map.of("title", "hooked")).id();
            as(world.responder("Rob Hooks")).post("/api/v1/tickets/" + ticket + "/claim", null);
            as(admin).post("/api/v1/tickets/" + ticket + "/resolve", null);

            deliverUntil(() -> receiver.delivered().size() >= 3);

            List<Receiver.Request> delivered = receiver.delivered();
            assertThat(delivered).hasSize(3);
            assertThat(delivered).extracting(r -> json.readValue(r.body(), Map.class).get("type"))
                    .containsExactly("created", "claimed", "resolved");
            assertThat(delivered).extracting(r -> r.header("X-Ticketdesk-Delivery")).doesNotHaveDuplicates();
            assertThat(receiver.requests).filteredOn(r -> r.answered() == 500).hasSize(3);
            for (Receiver.Request request : delivered) {
                String timestamp = request.header("X-Ticketdesk-Timestamp");
                assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp))).isLessThan(300);
                assertThat(request.header("X-Ticketdesk-Signature"))
                        .isEqualTo("v1=" + hmac(SECRET, "v1:" + timestamp + ":" + request.body()));
                assertThat(json.readValue(request.body(), Map.class)).containsEntry("ticketId", (int) ticket)
                        .containsKeys("id", "actorId", "fromStatus", "toStatus", "channel", "createdAt");
            }
            assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE channel = 'webhook' AND status = 'sent'"
                    + " AND ticket_id = ?", ticket)).isEqualTo(3);
        }
    }

    @Test
    void anEndpointGetsOnlyTheEventTypesItAskedFor() throws Exception {
        User admin = world.admin("Ada Types");
        try (Receiver receiver = new Receiver(0)) {
            assertThat(as(admin).post("/api/v1/webhooks", Map.of("url", receiver.url().toString(),
                    "eventTypes", List.of("resolved"))).status()).isEqualTo(201);
            TicketsApiTest.assertProblem(as(admin).post("/api/v1/webhooks", Map.of("url", "ftp://example.com")),
                    400, "INVALID_INPUT", "url");
            TicketsApiTest.assertProblem(as(admin).post("/api/v1/webhooks", Map.of("url", receiver.url().toString(),
                    "eventTypes", List.of("exploded"))), 400, "INVALID_INPUT", "eventTypes");
            TicketsApiTest.assertProblem(as(world.responder("Rob Types")).get("/api/v1/webhooks"), 403,
                    "WRONG_ROLE", null);
            User rob = world.responder("Rob Resolver");
            world.claimedTicket(world.employee("Emma Types"), rob);
            long ticket = db.count("SELECT MAX(id) FROM tickets");
            as(rob).post("/api/v1/tickets/" + ticket + "/resolve", null);

            deliverUntil(() -> !receiver.delivered().isEmpty());
            worker.drain();

            assertThat(receiver.delivered()).singleElement().satisfies(r ->
                    assertThat(json.readValue(r.body(), Map.class)).containsEntry("type", "resolved"));
        }
    }

    @Test
    void aReceiverThatStaysDownEndsFailedAndTheDeliveriesPageRetriesIt() throws Exception {
        User admin = world.admin("Ada Panel");
        context.getBean(ManagingUsers.class).setPassword(admin.id(), "panel password 1");
        try (Receiver receiver = new Receiver(1000)) {
            long endpoint = as(admin).post("/api/v1/webhooks", Map.of("url", receiver.url().toString(),
                    "eventTypes", List.of("created"))).id();
            long ticket = as(world.employee("Emma Down")).post("/api/v1/tickets", Map.of("title", "down")).id();

            deliverUntil(() -> db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND status = 'failed'",
                    ticket) == 1);

            assertThat(receiver.requests).hasSize(4);
            Http panel = new Http(server.getURI());
            assertThat(panel.signIn(admin.email(), "panel password 1").statusCode()).isEqualTo(303);
            assertThat(panel.get("/admin").body()).contains("delivery-troubles");
            HttpResponse<String> page = panel.get("/admin/deliveries");
            assertThat(page.body()).contains("webhook").contains("answered HTTP 500").contains("Retry");
            long id = db.count("SELECT id FROM notifications WHERE ticket_id = ? AND status = 'failed'", ticket);
            receiver.failNext(0);
            HttpResponse<String> retried = panel.postForm("/admin/deliveries/" + id + "/retry",
                    Map.of("_csrf", Http.csrfOf(page.body()).orElseThrow()));
            assertThat(retried.statusCode()).isEqualTo(303);

            deliverUntil(() -> !receiver.delivered().isEmpty());

            assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE id = ? AND status = 'sent'", id)).isEqualTo(1);
            assertThat(as(admin).delete("/api/v1/webhooks/" + endpoint).status()).isEqualTo(204);
            assertThat(as(admin).get("/api/v1/webhooks/" + endpoint).status()).isEqualTo(404);
        }
    }

    private void deliverUntil(BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < end) {
            if (worker.runOnce() == 0) {
                Thread.sleep(100);
            }
        }
        assertThat(done.getAsBoolean()).as("delivered within 30 s").isTrue();
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
