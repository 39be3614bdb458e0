package ticketdesk.admin.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
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
import ticketdesk.core.ticket.ClaimingTicket;
import ticketdesk.core.ticket.Commands;
import ticketdesk.core.ticket.DecliningTicket;
import ticketdesk.core.ticket.ResolvingTicket;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.User;

@MicronautTest(transactional = false)
class ReadingTicketsInTheBrowserTest extends BrowserTest {

    private static final String SCRIPT_TITLE = "<script>alert(1)</script>";

    private User requester;
    private User alice;
    private User bob;
    private Ticket hostile;

    @BeforeAll
    void aSmallHelpDesk() {
        requester = world.employee("Erin Employee");
        alice = world.responder("Alice Responder");
        bob = world.responder("Bob Responder");
        hostile = world.pendingTicket(requester, SCRIPT_TITLE);
        // claimed first: core's PostingMessage throws on a requester's message to a pending ticket (reported)
        context.getBean(ClaimingTicket.class).claim(new Commands.ClaimTicket(hostile.id(), bob.id(), Channel.SLACK));
        context.getBean(PostingMessage.class).post(new PostMessage(hostile.id(), requester.id(),
                "<img src=x onerror=alert(2)> is what I see", Channel.EMAIL, "<m1@example.com>", List.of()));
        for (int i = 1; i <= 30; i++) {
            world.pendingTicket(requester, "bulk ticket " + i);
        }
        world.claimedTicket(requester, alice);
        world.claimedTicket(requester, alice);
        Ticket done = world.claimedTicket(requester, bob);
        context.getBean(ResolvingTicket.class).resolve(new Commands.ResolveTicket(done.id(), bob.id(), Channel.SLACK));
        Ticket declined = world.pendingTicket(requester, "bob does not want this one");
        context.getBean(DecliningTicket.class)
                .decline(new Commands.DeclineTicket(declined.id(), bob.id(), Channel.SLACK));
    }

    @Test
    void aTitleWithAScriptTagIsShownAsTextAndNoDialogOpens() {
        signInAsAdmin();
        open("/admin/tickets?text=alert");
        WebElement link = browser.findElement(By.cssSelector("#tickets tbody tr td a"));
        assertThat(link.getText()).isEqualTo(SCRIPT_TITLE);
        assertNoDialog();

        click(By.cssSelector("#tickets tbody tr td a"));
        assertThat(byId("title").getText()).isEqualTo(SCRIPT_TITLE);
        assertThat(byId("messages").getText()).contains("<img src=x onerror=alert(2)> is what I see");
        assertThat(browser.getPageSource()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(browser.findElements(By.cssSelector("main script, main img"))).isEmpty();
        assertNoDialog();

        open("/admin/audit?ticket=" + hostile.id());
        assertThat(browser.findElement(By.cssSelector("#events tbody")).getText()).contains(SCRIPT_TITLE);
        assertNoDialog();
    }

    @Test
    void theListFiltersByStatusResponderAndSource() {
        signInAsAdmin();
        open("/admin/tickets?status=in_process&responder=Alice");
        List<WebElement> rows = browser.findElements(By.cssSelector("#tickets tbody tr"));
        assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.getText()).contains("in process", "Alice Responder"));

        open("/admin/tickets?status=in_process&responder=Bob");
        assertThat(browser.findElements(By.cssSelector("#tickets tbody tr"))).singleElement()
                .satisfies(r -> assertThat(r.getText()).contains(SCRIPT_TITLE));

        open("/admin/tickets?status=done");
        assertThat(browser.findElements(By.cssSelector("#tickets tbody tr"))).singleElement()
                .satisfies(r -> assertThat(r.getText()).contains("done", "Bob Responder"));

        open("/admin/tickets?sort=priority");
        screenshot("tickets");

        open("/admin/tickets?source=email");
        assertThat(browser.findElement(By.cssSelector("#tickets tbody")).getText()).contains("No ticket matches.");
    }

    @Test
    void theListSortsAndPages() {
        signInAsAdmin();
        open("/admin/tickets?text=bulk&sort=id&dir=asc");
        List<String> firstPage = titles();
        assertThat(firstPage).hasSize(TicketFilter.PAGE_SIZE).startsWith("bulk ticket 1", "bulk ticket 2");
        click("next-page");
        assertThat(titles()).containsExactly("bulk ticket 26", "bulk ticket 27", "bulk ticket 28", "bulk ticket 29",
                "bulk ticket 30");

        open("/admin/tickets?text=bulk&sort=id&dir=desc");
        assertThat(titles()).startsWith("bulk ticket 30", "bulk ticket 29");
    }

    @Test
    void theDashboardShowsEachFigureOnceWithBarsBesideThePerResponderCounts() {
        signInAsAdmin();
        open("/admin");
        String byStatus = byId("by-status").getText();
        assertThat(byStatus).contains("31\npending", "3\nin process", "1\ndone", "0\ncancelled");
        assertThat(byId("open-per-responder").getText()).contains("Alice Responder 2", "Bob Responder 1");
        assertThat(byId("declines-per-responder").getText()).contains("Bob Responder 1");
        assertThat(byId("speeds").getText()).contains("last 7 days", "last 30 days");
        assertThat(browser.findElements(By.cssSelector("main svg"))).as("a bar per responder line, no chart repeating"
                + " the figures").hasSize(browser.findElements(By.cssSelector("#open-per-responder tbody tr, "
                + "#declines-per-responder tbody tr")).size());
        assertThat(byId("by-status").findElements(By.cssSelector("a.number"))).hasSize(4);
        assertThat(browser.findElement(By.tagName("main")).getText().split("in process", -1))
                .as("the in-process count appears once, in its card").hasSize(2);
        screenshot("dashboard");
    }

    private List<String> titles() {
        return browser.findElements(By.cssSelector("#tickets tbody tr td:nth-child(2)")).stream()
                .map(WebElement::getText).toList();
    }

    private void assertNoDialog() {
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }
}
