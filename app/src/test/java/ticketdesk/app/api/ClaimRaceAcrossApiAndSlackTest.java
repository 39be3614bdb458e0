package ticketdesk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import ticketdesk.bot.slack.FakeSlack;
import ticketdesk.bot.slack.Payloads;
import ticketdesk.bot.slack.SignedSlack;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.token.ApiTokens;
import ticketdesk.core.token.TokenResult;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;

/**
 * A claim through the API and a Slack-signed Claim click on the same ticket at the same moment: exactly one wins,
 * for each of many tickets, and the API's loser is told who holds it.
 */
@MicronautTest(transactional = false)
class ClaimRaceAcrossApiAndSlackTest extends DatabaseTest {

    private static final String SECRET = "race-signing-secret-0123456789abcdef";
    private static final int TICKETS = 15;

    private final FakeSlack slack = FakeSlack.start();

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("slack.signing-secret", SECRET);
        p.put("slack.bot-token", FakeSlack.BOT_TOKEN);
        p.put("slack.api-url", slack.apiUrl());
        p.put("slack.responder-channel", "CRESP");
        p.put("slack.response-url-prefix", slack.base());
        return p;
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    @Test
    void aClaimThroughTheApiAndAClickInSlackAtOnceHaveExactlyOneWinner() throws Exception {
        User alice = world.user("Alice Slack", Role.RESPONDER, "UALICE");
        User bob = world.responder("Bob Api");
        String token = ((TokenResult.Issued) context.getBean(ApiTokens.class).issue("race", bob.id(), null)).secret();
        User requester = world.employee("Rita Race");
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            tickets.add(world.pendingTicket(requester, "race " + i));
        }
        SignedSlack signed = new SignedSlack(server.getURI(), SECRET);
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<HttpResponse<String>> apiAnswers = new ArrayList<>();

        for (Ticket ticket : tickets) {
            CountDownLatch start = new CountDownLatch(1);
            Future<HttpResponse<String>> click = pool.submit(() -> {
                start.await();
                return signed.interaction(Payloads.buttonPress("claim", Long.toString(ticket.id()), "UALICE",
                        slack.responseUrl("claim"), "1700000000.000100"));
            });
            Future<HttpResponse<String>> api = pool.submit(() -> {
                start.await();
                return http.send(HttpRequest.newBuilder(URI.create(server.getURI() + "/api/v1/tickets/"
                                + ticket.id() + "/claim")).header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            });
            start.countDown();
            assertThat(click.get().statusCode()).isEqualTo(200);
            apiAnswers.add(api.get());
        }
        pool.shutdown();

        for (Ticket ticket : tickets) {
            assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'claimed'",
                    ticket.id())).as("ticket #" + ticket.id()).isEqualTo(1);
            assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'in_process'"
                    + " AND responder_id IN (?, ?)", ticket.id(), alice.id(), bob.id())).isEqualTo(1);
        }
        long wonByApi = db.count("SELECT COUNT(*) FROM ticket_events WHERE event_type = 'claimed' AND channel = 'api'");
        assertThat(apiAnswers).filteredOn(a -> a.statusCode() == 200).hasSize((int) wonByApi);
        assertThat(apiAnswers).filteredOn(a -> a.statusCode() != 200).hasSize(TICKETS - (int) wonByApi)
                .allSatisfy(lost -> {
                    assertThat(lost.statusCode()).isEqualTo(409);
                    assertThat(lost.body()).contains("ALREADY_CLAIMED").contains("Alice Slack");
                });
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE event_type = 'claimed' AND channel = 'slack'"))
                .isEqualTo(TICKETS - wonByApi);
    }
}
