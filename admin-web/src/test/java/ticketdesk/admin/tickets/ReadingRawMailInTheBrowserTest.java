package ticketdesk.admin.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import ticketdesk.admin.web.BrowserTest;
import ticketdesk.core.Channel;
import ticketdesk.core.message.PostMessage;
import ticketdesk.core.message.PostingMessage;
import ticketdesk.core.ticket.Commands;
import ticketdesk.core.ticket.OpenResult;
import ticketdesk.core.ticket.OpeningTicket;
import ticketdesk.core.ticket.Source;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.User;

/**
 * The ticket page shows each email beside the text ticketdesk took from it, as {@code inbound_emails}
 * keeps it (the mail pipeline writes those rows; here they are written as it writes them), escaped.
 */
@MicronautTest(transactional = false)
class ReadingRawMailInTheBrowserTest extends BrowserTest {

    private static final String REPLY = "It prints again 👍\n\nBut only in black & white.";
    private static final String RAW_REPLY = """
            From: Robin Requester <robin@example.com>
            Subject: Re: [#1] printer broken
            Message-ID: <reply-1@mail.example.com>
            Content-Type: text/plain; charset=utf-8

            It prints again 👍

            But only in black & white.

            On Mon, Nov 23, 2026 at 10:15 AM Helpdesk <support@ticketdesk.test> wrote:
            > <script>alert(3)</script> Please restart the printer.
            """;

    private Ticket printer;
    private Ticket projector;

    @BeforeAll
    void aTicketAnsweredByEmailAndOneOpenedByEmail() {
        User robin = world.employee("Robin Requester");
        User alex = world.responder("Alex Responder");
        printer = world.claimedTicket(robin, alex);
        PostingMessage posting = context.getBean(PostingMessage.class);
        posting.post(new PostMessage(printer.id(), robin.id(), REPLY, Channel.EMAIL, "<reply-1@mail.example.com>",
                List.of()));
        posting.post(new PostMessage(printer.id(), alex.id(), "Thanks, I'll order colour toner.", Channel.SLACK,
                "1700000000.000100", List.of()));
        inboundEmail("<reply-1@mail.example.com>", printer.id(), "applied", RAW_REPLY);
        projector = ((OpenResult.Opened) context.getBean(OpeningTicket.class).open(new Commands.OpenTicket(robin.id(),
                "Projector flickers", "It flickers every few seconds.", null, null, Source.EMAIL))).ticket();
        inboundEmail("<new-1@mail.example.com>", projector.id(), "opened_ticket",
                "Subject: Projector flickers\n\nIt flickers every few seconds.\n\n-- \nRobin\n");
    }

    @Test
    void anEmailMessageIsShownBesideTheRawMailItWasTakenFrom() {
        signInAsAdmin();
        open("/admin/tickets/" + printer.id());

        List<WebElement> pairs = browser.findElements(By.cssSelector("#messages .mail-pair"));
        assertThat(pairs).hasSize(1);
        WebElement extracted = pairs.get(0).findElement(By.cssSelector(".extracted"));
        WebElement raw = pairs.get(0).findElement(By.cssSelector("pre.raw-mail"));
        assertThat(extracted.getText()).isEqualTo(REPLY);
        assertThat(raw.getText()).contains("Message-ID: <reply-1@mail.example.com>", "It prints again 👍",
                "> <script>alert(3)</script> Please restart the printer.");
        assertThat(raw.getRect().getX()).isGreaterThan(extracted.getRect().getX() + extracted.getRect().getWidth());
        assertThat(raw.getRect().getY()).isCloseTo(extracted.getRect().getY(), org.assertj.core.data.Offset.offset(4));
        assertThat(byId("messages").getText()).contains("Thanks, I'll order colour toner.");
        assertThat(browser.getPageSource()).contains("&lt;script&gt;alert(3)&lt;/script&gt;");
        assertThat(browser.findElements(By.cssSelector("main script"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        screenshot("ticket-raw-mail");
    }

    @Test
    void aTicketOpenedByEmailShowsItsMailBesideTheDescription() {
        signInAsAdmin();
        open("/admin/tickets/" + projector.id());

        WebElement pair = byId("description-mail");
        assertThat(pair.findElement(By.cssSelector(".extracted")).getText()).isEqualTo("It flickers every few seconds.");
        assertThat(pair.findElement(By.cssSelector("pre.raw-mail")).getText())
                .contains("Subject: Projector flickers", "It flickers every few seconds.", "Robin");
    }

    private void inboundEmail(String messageId, long ticketId, String outcome, String raw) {
        try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement("INSERT INTO inbound_emails"
                + " (message_id, received_at, from_address, ticket_id, outcome, raw_message) VALUES"
                + " (?, UTC_TIMESTAMP(6), 'robin@example.com', ?, ?, ?)")) {
            p.setString(1, messageId);
            p.setLong(2, ticketId);
            p.setString(3, outcome);
            p.setBytes(4, raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
            p.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
