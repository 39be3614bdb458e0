package ticketdesk.mail.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.User;
import ticketdesk.mail.MailTest;

@MicronautTest(transactional = false)
class ConfirmPageTest extends MailTest {

    private static final Pattern LINK = Pattern.compile("(Claim|Decline): http://ticketdesk\\.test(/mail/confirm/\\S+)");
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"confirm\" value=\"([0-9a-f]+)\"");

    @Inject @Client("/") HttpClient http;

    @Test
    void openingTheClaimLinkChangesNothingAndOnlyThePagesPostClaims() throws Exception {
        User alice = world.responder("Alice");
        Ticket ticket = world.pendingTicket(world.employee("Bob"), "printer <b>broken</b>");
        String claim = link(alice, "Claim");

        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET(claim), String.class);
        http.toBlocking().exchange(HttpRequest.GET(claim), String.class);

        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'").contains("form-action 'self'");
        assertThat(page.body()).contains("Claim ticket <strong>#" + ticket.id() + "</strong>")
                .contains("printer &lt;b&gt;broken&lt;/b&gt;").contains("<form method=\"post\"");
        assertThat(status(ticket)).isEqualTo("pending");
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.POST(claim, Map.of("confirm", "0".repeat(32)))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(403));
        assertThat(status(ticket)).isEqualTo("pending");

        HttpResponse<String> done = http.toBlocking().exchange(HttpRequest.POST(claim, Map.of("confirm",
                formToken(page.body()))).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class);

        assertThat(done.body()).contains("You claimed ticket #" + ticket.id());
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'in_process' AND responder_id = ?",
                ticket.id(), alice.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'claimed'"
                + " AND channel = 'email'", ticket.id())).isEqualTo(1);
    }

    @Test
    void theDeclinePageDeclinesOnlyWhenPostedAndATamperedLinkIsRefused() throws Exception {
        User carol = world.responder("Carol");
        Ticket ticket = world.pendingTicket(world.employee("Dan"));
        String decline = link(carol, "Decline");
        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET(decline), String.class);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_responder_log WHERE ticket_id = ?", ticket.id())).isZero();

        http.toBlocking().exchange(HttpRequest.POST(decline, Map.of("confirm", formToken(page.body())))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class);

        assertThat(db.count("SELECT COUNT(*) FROM ticket_responder_log WHERE ticket_id = ? AND responder_id = ?"
                + " AND state = 'declined'", ticket.id(), carol.id())).isEqualTo(1);
        String tampered = decline.replace("-" + carol.id() + "-", "-" + (carol.id() + 1) + "-");
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.GET(tampered), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(404));
    }

    @Test
    void aResponderWhoDeclinedSeesNothingOfTheTicketThroughTheClaimLink() throws Exception {
        User erin = world.responder("Erin");
        Ticket ticket = world.pendingTicket(world.employee("Frank"), "salary spreadsheet locked");
        String claim = link(erin, "Claim");
        String decline = link(erin, "Decline");
        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET(decline), String.class);
        http.toBlocking().exchange(HttpRequest.POST(decline, Map.of("confirm", formToken(page.body())))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class);

        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.GET(claim), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(404);
                    assertThat(e.getResponse().getBody(String.class)).get().asString()
                            .contains("no longer yours to see").doesNotContain("salary");
                });
        assertThat(status(ticket)).isEqualTo("pending");
    }

    @Test
    void aResponderWhoOpenedTheTicketIsOfferedTheClaimAsCoreAllowsIt() throws Exception {
        User gina = world.responder("Gina");
        Ticket ticket = world.pendingTicket(gina, "second monitor dark");
        List<MimeMessage> mails = deliveredTo(gina.email());
        assertThat(mails).hasSize(1);
        String claim = link(mails.get(0), "Claim");
        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET(claim), String.class);

        http.toBlocking().exchange(HttpRequest.POST(claim, Map.of("confirm", formToken(page.body())))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class);

        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'in_process' AND responder_id = ?",
                ticket.id(), gina.id())).isEqualTo(1);
    }

    private String link(User responder, String label) throws Exception {
        List<MimeMessage> mails = deliveredTo(responder.email());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).contains("new ticket from");
        return link(mails.get(0), label);
    }

    private static String link(MimeMessage mail, String label) throws Exception {
        String text = (String) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(label)) {
                return m.group(2);
            }
        }
        throw new AssertionError("no " + label + " link in " + text);
    }

    private static String formToken(String page) {
        Matcher m = FORM_TOKEN.matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private String status(Ticket ticket) {
        return db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'pending'", ticket.id()) == 1
                ? "pending" : "changed";
    }
}
