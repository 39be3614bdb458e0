package ticketdesk.admin.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import ticketdesk.admin.web.BrowserTest;
import ticketdesk.core.Channel;
import ticketdesk.core.message.PostMessage;
import ticketdesk.core.message.PostingMessage;
import ticketdesk.core.ticket.Commands;
import ticketdesk.core.ticket.DecliningTicket;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.User;

/** An admin works on a ticket from its page in Chromium: each form's outcome is on the page at once. */
@MicronautTest(transactional = false)
class WorkingOnTicketsInTheBrowserTest extends BrowserTest {

    private User requester;
    private User alice;
    private User bob;

    @BeforeAll
    void aSmallHelpDesk() {
        requester = world.employee("Erin Employee");
        alice = world.responder("Alice Responder");
        bob = world.responder("Bob Responder");
    }

    @Test
    void raisingThePriorityShowsOnThePageAndInTheTimelineAtOnce() {
        Ticket ticket = world.pendingTicket(requester, "printer broken");
        signInAsAdmin();
        open(TicketFormsHttpTest.path(ticket));

        new Select(byId("change-priority")).selectByValue("high");
        click("save-changes");

        assertThat(byId("flash").getText()).isEqualTo("Priority changed to high.");
        assertThat(byId("priority").getText()).isEqualTo("high");
        assertThat(timeline()).anySatisfy(row -> assertThat(row)
                .contains("Ada Admin", "changed", "priority: medium → high", "web"));
        screenshot("ticket-changed");
    }

    @Test
    void handingOverToAColleagueShowsTheNewHolder() {
        Ticket ticket = world.claimedTicket(requester, alice);
        signInAsAdmin();
        open(TicketFormsHttpTest.path(ticket));

        new Select(byId("hand-over-to")).selectByVisibleText("Bob Responder (responder)");
        click("hand-over");

        assertThat(byId("flash").getText()).isEqualTo("Ticket #" + ticket.id() + " is now held by Bob Responder.");
        assertThat(byId("responder").getText()).isEqualTo("Bob Responder");
        assertThat(timeline()).anySatisfy(row -> assertThat(row)
                .contains("handed over", "held by Alice Responder; now Bob Responder"));
    }

    @Test
    void aNoteIsShownAsAnInternalNoteApartFromTheReplies() {
        Ticket ticket = world.claimedTicket(requester, alice);
        context.getBean(PostingMessage.class).post(new PostMessage(ticket.id(), requester.id(),
                "Still broken this morning.", Channel.EMAIL, "<m-" + ticket.id() + "@example.com>", List.of()));
        signInAsAdmin();
        open(TicketFormsHttpTest.path(ticket));

        type("note-body", "Requester is on leave until Monday.");
        click("add-note");

        assertThat(byId("flash").getText()).isEqualTo("Internal note added.");
        List<WebElement> messages = browser.findElements(By.cssSelector("#messages .message"));
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).getText()).contains("Still broken this morning.").doesNotContain("Internal note");
        assertThat(messages.get(0).getAttribute("class")).isEqualTo("message");
        assertThat(messages.get(1).getText().strip()).startsWith("INTERNAL NOTE Ada Admin")
                .contains("Requester is on leave until Monday.");
        assertThat(messages.get(1).getAttribute("class")).isEqualTo("message note");
        assertThat(timeline()).anySatisfy(row -> assertThat(row).contains("Ada Admin", "note", "web"));
        screenshot("ticket-note");
    }

    @Test
    void aClaimSomeoneElseMadeMeanwhileIsRefusedWithTheReasonAndChangesNothing() {
        Ticket ticket = world.pendingTicket(requester, "screen flickers");
        signInAsAdmin();
        open(TicketFormsHttpTest.path(ticket));
        world.claim(ticket, alice);

        click("claim");

        assertThat(byId("flash").getText())
                .isEqualTo("Ticket #" + ticket.id() + " is already claimed by Alice Responder.");
        assertThat(byId("flash").getAttribute("class")).isEqualTo("error");
        assertThat(byId("responder").getText()).isEqualTo("Alice Responder");
        assertThat(browser.findElements(By.id("claim"))).as("no longer offered").isEmpty();
        assertThat(timeline()).noneSatisfy(row -> assertThat(row).contains("Ada Admin"));
    }

    @Test
    void aHandOverToAResponderWhoDeclinedMeanwhileIsRefusedAndChangesNothing() {
        Ticket ticket = world.claimedTicket(requester, alice);
        signInAsAdmin();
        open(TicketFormsHttpTest.path(ticket));
        new Select(byId("hand-over-to")).selectByVisibleText("Bob Responder (responder)");
        context.getBean(DecliningTicket.class).decline(new Commands.DeclineTicket(ticket.id(), bob.id(),
                Channel.SLACK));

        click("hand-over");

        assertThat(byId("flash").getText()).isEqualTo("Bob Responder declined ticket #" + ticket.id()
                + ", so it cannot be given to them.");
        assertThat(byId("responder").getText()).isEqualTo("Alice Responder");
        assertThat(byId("hand-over-to").getText()).doesNotContain("Bob Responder");
        assertThat(timeline()).noneSatisfy(row -> assertThat(row).contains("handed over"));
        screenshot("ticket-refused");
    }

    private List<String> timeline() {
        return browser.findElements(By.cssSelector("#timeline tbody tr")).stream().map(WebElement::getText).toList();
    }
}
