package ticketdesk.admin.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static ticketdesk.admin.mail.RawMails.mail;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import ticketdesk.admin.web.BrowserTest;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.User;
import ticketdesk.mail.inbound.InboundPipeline;
import ticketdesk.mail.inbound.Outcome;

/**
 * Issue 14: the Unmatched mail page lists mail that went nowhere, shows its raw source beside the text taken from it,
 * and lets an admin create its sender and apply it, attach it to a ticket, or dismiss it, each landing once.
 */
@MicronautTest(transactional = false)
class UnmatchedMailInTheBrowserTest extends BrowserTest {

    @Inject InboundPipeline pipeline;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("mail.from", RawMails.SUPPORT, "mail.authserv-id", RawMails.OURS);
    }

    @BeforeEach
    void signedIn() {
        signInAsAdmin();
    }

    @Test
    void aStrangersMailIsAppliedOnceTheAdminCreatesTheSenderAndLandsOnce() {
        byte[] raw = mail("Carol Newcomer <carol@newcomer.example>", "VPN does not connect", "<vpn-1@newcomer.example>",
                "", "Since this morning the VPN times out.\n\n-- \nCarol Newcomer\nSales");
        assertThat(pipeline.receive(raw, "imap").outcome()).isEqualTo(Outcome.UNKNOWN_SENDER);
        long row = rowOf("<vpn-1@newcomer.example>");

        open("/admin/mail");
        assertThat(byId("mail-" + row).getText()).contains("carol@newcomer.example", "VPN does not connect",
                "unknown sender");
        click(By.cssSelector("#mail-" + row + " a"));
        assertThat(byId("raw").getText()).contains("Message-ID: <vpn-1@newcomer.example>", "Carol Newcomer\nSales");
        assertThat(byId("extracted").getText()).isEqualTo("Since this morning the VPN times out.");
        assertThat(byId("sender-name").getAttribute("value")).isEqualTo("Carol Newcomer");
        click("create-and-apply");

        assertThat(path()).isEqualTo("/admin/mail/" + row);
        assertThat(byId("handled").getText()).contains("applied by Ada Admin", "opened a ticket");
        assertThat(browser.findElements(By.id("actions"))).isEmpty();
        long carol = db.count("SELECT id FROM users WHERE email = 'carol@newcomer.example' AND role = 'employee'"
                + " AND display_name = 'Carol Newcomer'");
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE requester_id = ? AND title = 'VPN does not connect'",
                carol)).isOne();
        assertThat(db.count("SELECT COUNT(*) FROM user_events WHERE actor_id = ? AND user_id = ?"
                + " AND event_type = 'user_created' AND address IN ('127.0.0.1', '0:0:0:0:0:0:0:1')", admin.id(),
                carol)).as("created in the admin's name, from the browser's loopback address").isOne();
        screenshot("mail-applied");

        assertThat(pipeline.receive(raw, "imap").outcome()).as("the relay sends it again").isEqualTo(Outcome.DUPLICATE);
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE requester_id = ?", carol)).isOne();
        open("/admin/mail");
        assertThat(byId("mails").getText()).contains("No mail is waiting.");
    }

    @Test
    void aReplyNamingTheWrongTicketIsAttachedToTheRightOneAsItsSendersReply() {
        User bob = world.employee("Bob Example");
        Ticket printer = world.pendingTicket(bob, "printer broken");
        Ticket laptop = world.pendingTicket(bob, "laptop fan loud");
        pipeline.receive(mail(bob.email(), "Re: [#" + printer.id() + "] printer broken", "<fan-1@example.com>", "",
                "The fan is quiet again after the update."), "webhook");
        long row = rowOf("<fan-1@example.com>");

        open("/admin/mail/" + row);
        assertThat(byId("outcome").getText()).startsWith("held");
        assertThat(byId("sender").getText()).isEqualTo("Bob Example");
        assertThat(browser.findElements(By.cssSelector("#sender-tickets option")))
                .as("the sender's tickets to pick from, newest first").extracting(o -> o.getAttribute("value"))
                .containsExactly(Long.toString(laptop.id()), Long.toString(printer.id()));
        type("attach-ticket", "#" + laptop.id());
        click("attach");

        assertThat(byId("handled").getText()).contains("attached by Ada Admin", "added to its ticket");
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE ticket_id = ? AND sender_id = ?"
                + " AND body = 'The fan is quiet again after the update.'", laptop.id(), bob.id())).isOne();
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE ticket_id = ?", printer.id())).isZero();
    }

    @Test
    void aDismissedMailLeavesTheListAndItsPageSaysWhoDismissedIt() {
        pipeline.receive(mail("prize@lottery.example", "You won", "<prize-1@lottery.example>", "", "Click here."),
                "imap");
        long row = rowOf("<prize-1@lottery.example>");

        open("/admin/mail/" + row);
        click("dismiss");

        assertThat(byId("handled").getText()).contains("dismissed by Ada Admin");
        assertThat(db.count("SELECT COUNT(*) FROM inbound_emails WHERE id = ? AND outcome = 'dismissed'"
                + " AND handled_by = ?", row, admin.id())).isOne();
        open("/admin/mail");
        assertThat(browser.findElements(By.id("mail-" + row))).isEmpty();
    }

    @Test
    void aMailTheServerFoundForgedIsAppliedOnlyOnceTheAdminTicksTheConfirmation() {
        User dora = world.employee("Dora Example");
        pipeline.receive(mail(dora.email(), "Change my bank details", "<bank-1@example.com>", RawMails.forged(),
                "New IBAN below."), "imap");
        long row = rowOf("<bank-1@example.com>");

        open("/admin/mail/" + row);
        assertThat(byId("forged").getText()).contains("found the sender forged", RawMails.OURS + " says dmarc=fail");
        screenshot("mail-forged");
        click("apply");
        assertThat(byId("error").getText()).contains("found the sender forged", "Tick the confirmation");
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE requester_id = ?", dora.id())).isZero();

        byId("confirm-apply").click();
        click("apply");

        assertThat(byId("handled").getText()).contains("applied by Ada Admin", "opened a ticket");
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE requester_id = ?", dora.id())).isOne();
    }

    private long rowOf(String messageId) {
        return db.count("SELECT id FROM inbound_emails WHERE message_id = ?", messageId);
    }
}
