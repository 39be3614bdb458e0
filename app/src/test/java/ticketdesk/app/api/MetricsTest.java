package ticketdesk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.ticket.Commands;
import ticketdesk.core.ticket.ResolvingTicket;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.User;

/** GET /metrics: only with its token, every series prefixed ticketdesk_, and the help-desk's figures move with it. */
@MicronautTest(transactional = false)
class MetricsTest extends DatabaseTest {

    private static final String TOKEN = "scraper-token-0123456789";

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ticketdesk.metrics.token", TOKEN, "ticketdesk.metrics.gauges-fresh", "0s");
    }

    @Test
    void aScrapeWithoutTheTokenGetsNothing() throws Exception {
        assertThat(scrape(null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = scrape("not-the-token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("ticketdesk_");
    }

    @Test
    void everySeriesIsPrefixedAndTheHelpDesksFiguresMoveWhenTicketsChange() throws Exception {
        User rob = world.responder("Rob Metrics");
        world.pendingTicket(world.employee("Emma Metrics"), "warm up");
        String before = text();
        User emma = world.employee("Emma Metrics 2");
        world.pendingTicket(emma, "one");
        Ticket claimed = world.claimedTicket(emma, rob);
        context.getBean(ResolvingTicket.class).resolve(new Commands.ResolveTicket(claimed.id(), rob.id(), Channel.WEB));
        try (Connection c = db.connect(); var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO notifications (channel, kind, payload, status, attempts, next_attempt_at,"
                    + " created_at, last_error) VALUES ('slack', 'opened', '{}', 'failed', 8, NOW(6), NOW(6), 'down')");
            s.executeUpdate("INSERT INTO inbound_emails (message_id, received_at, outcome) VALUES ('<m1@x>', NOW(6),"
                    + " 'applied')");
        }

        String after = text();

        assertThat(value(after, "ticketdesk_tickets{status=\"pending\"}"))
                .isEqualTo(value(before, "ticketdesk_tickets{status=\"pending\"}") + 1);
        assertThat(value(after, "ticketdesk_tickets{status=\"done\"}"))
                .isEqualTo(value(before, "ticketdesk_tickets{status=\"done\"}") + 1);
        assertThat(value(after, "ticketdesk_ticket_time_to_claim_seconds_count"))
                .isEqualTo(value(before, "ticketdesk_ticket_time_to_claim_seconds_count") + 1);
        assertThat(value(after, "ticketdesk_ticket_time_to_resolve_seconds_count"))
                .isEqualTo(value(before, "ticketdesk_ticket_time_to_resolve_seconds_count") + 1);
        assertThat(value(after, "ticketdesk_outbox_notifications{channel=\"slack\",status=\"failed\"}")).isEqualTo(1);
        assertThat(value(after, "ticketdesk_inbound_emails{outcome=\"applied\"}")).isEqualTo(1);
        assertThat(value(after, "ticketdesk_tickets_oldest_pending_seconds")).isGreaterThanOrEqualTo(0);
        assertThat(after).contains("ticketdesk_ticket_time_to_claim_seconds_bucket{le=\"60.0\"}")
                .contains("ticketdesk_jvm_memory_used_bytes").contains("ticketdesk_http_server_requests_seconds_count");
        assertThat(after.lines().filter(l -> !l.startsWith("#") && !l.isBlank()))
                .allSatisfy(line -> assertThat(line).startsWith("ticketdesk_"));
    }

    private String text() throws Exception {
        HttpResponse<String> scraped = scrape(TOKEN);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        return scraped.body();
    }

    private HttpResponse<String> scrape(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + "/metrics"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of a series, with its labels exactly as written; 0 when it is not there. */
    private static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
