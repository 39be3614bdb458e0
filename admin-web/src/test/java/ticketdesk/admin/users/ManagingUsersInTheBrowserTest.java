package ticketdesk.admin.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import ticketdesk.admin.web.BrowserTest;
import ticketdesk.core.Channel;
import ticketdesk.core.ticket.ClaimResult;
import ticketdesk.core.ticket.ClaimingTicket;
import ticketdesk.core.ticket.Commands;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.Platform;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

@MicronautTest(transactional = false)
class ManagingUsersInTheBrowserTest extends BrowserTest {

    @Test
    void adminCreatesAResponderWhoseNumberIsNormalisedAndWhoCanThenClaim() {
        signInAsAdmin();
        assertThat(path()).as(browser.getPageSource()).isEqualTo("/admin");
        open("/admin/users/new");
        type("displayName", "Rita Responder");
        type("email", "rita@example.com");
        type("phone", "+1 (415) 555-2671");
        new Select(byId("role")).selectByValue("responder");
        type("profession", "Network engineer");
        type("organization", "IT");
        type("slackUserId", "U0RITA01");
        click("save");

        assertThat(byId("notice").getText()).isEqualTo("User created.");
        assertThat(byId("phone").getAttribute("value")).isEqualTo("+14155552671");
        assertThat(byId("call").getText()).isEqualTo("+1 415-555-2671");
        assertThat(byId("call").getAttribute("href")).isEqualTo("tel:+1-415-555-2671");
        assertThat(byId("slackUserId").getAttribute("value")).isEqualTo("U0RITA01");
        User rita = context.getBean(UserDirectory.class).byEmail("rita@example.com").orElseThrow();
        assertThat(rita.phoneE164()).isEqualTo("+14155552671");
        assertThat(context.getBean(UserDirectory.class).byIdentity(Platform.SLACK, "U0RITA01"))
                .map(User::id).hasValue(rita.id());

        open("/admin/users?q=rita");
        WebElement row = browser.findElement(By.cssSelector("#users tbody tr"));
        assertThat(row.getText()).contains("Rita Responder", "+1 415-555-2671", "responder", "U0RITA01");
        assertThat(row.findElement(By.cssSelector("a.tel")).getAttribute("href")).isEqualTo("tel:+1-415-555-2671");
        screenshot("users");

        Ticket ticket = world.pendingTicket(world.employee("Eve Employee"));
        ClaimResult claim = context.getBean(ClaimingTicket.class)
                .claim(new Commands.ClaimTicket(ticket.id(), rita.id(), Channel.SLACK));
        assertThat(claim).isInstanceOf(ClaimResult.Claimed.class);
    }

    @Test
    void aPhoneThatIsNotANumberGetsAClearErrorAndChangesNothing() {
        signInAsAdmin();
        User sam = world.responder("Sam Responder");
        open("/admin/users/" + sam.id());
        type("phone", "12");
        click("save");

        assertThat(byId("error").getText()).contains("'12' is not a valid phone number")
                .contains("+14155552671");
        assertThat(byId("phone").getAttribute("value")).isEqualTo("12");
        screenshot("user-form-error");
        assertThat(db.count("SELECT COUNT(*) FROM users WHERE id = ? AND phone_e164 IS NULL", sam.id())).isOne();
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        signInAsAdmin();
        long users = db.count("SELECT COUNT(*) FROM users");
        open("/admin/users/new");
        type("displayName", "Mallory Forged");
        type("email", "mallory@example.com");
        new Select(byId("role")).selectByValue("admin");
        browser.executeScript("document.querySelector('#user-form input[name=_csrf]').remove()");
        click("save");

        assertThat(browser.findElement(By.tagName("body")).getText()).startsWith("Forbidden");
        assertThat(db.count("SELECT COUNT(*) FROM users")).isEqualTo(users);

        User victim = world.responder("Victor Victim");
        open("/admin/users/" + victim.id());
        browser.executeScript("document.querySelectorAll('input[name=_csrf]').forEach(e => e.value = 'forged')");
        click("deactivate");
        assertThat(browser.findElement(By.tagName("body")).getText()).startsWith("Forbidden");
        assertThat(db.count("SELECT COUNT(*) FROM users WHERE id = ? AND is_active = TRUE", victim.id())).isOne();
    }

    @Test
    void anAdminLinksASlackIdToAnExistingUser() {
        signInAsAdmin();
        User tom = world.responder("Tom Responder");
        open("/admin/users/" + tom.id());
        type("slackUserId", "u0tom42");
        click("save");

        assertThat(byId("notice").getText()).isEqualTo("Changes saved.");
        assertThat(byId("slackUserId").getAttribute("value")).isEqualTo("U0TOM42");
        assertThat(context.getBean(UserDirectory.class).identityOf(tom.id(), Platform.SLACK)).hasValue("U0TOM42");
    }

    @Test
    void makingAResponderAnEmployeeReturnsTheirTicketAndTheTimelineNamesTheAdmin() {
        signInAsAdmin();
        User requester = world.employee("Rita Requester");
        User holder = world.responder("Dora Demoted");
        Ticket held = world.claimedTicket(requester, holder);

        open("/admin/users/" + holder.id());
        new Select(byId("role")).selectByValue("employee");
        click("save");

        assertThat(byId("notice").getText()).isEqualTo("Changes saved.");
        open("/admin/tickets/" + held.id());
        assertThat(byId("status").getText()).isEqualTo("pending");
        assertThat(browser.findElements(By.cssSelector("#timeline tbody tr"))).extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).contains("Ada Admin", "returned to pool", "held by Dora Demoted",
                        "responder became employee", "web"));
    }

    @Test
    void deactivatingAResponderReturnsTheirTwoTicketsToThePoolAndTheTimelineSaysWhy() {
        signInAsAdmin();
        User requester = world.employee("Paula Requester");
        User holder = world.responder("Hank Holder");
        Ticket first = world.claimedTicket(requester, holder);
        Ticket second = world.claimedTicket(requester, holder);

        open("/admin/users/" + holder.id());
        click("deactivate");

        assertThat(byId("notice").getText()).isEqualTo("User deactivated; 2 tickets returned to the pool.");
        assertThat(byId("status").getText()).isEqualTo("deactivated");
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id IN (?, ?) AND status = 'pending'"
                + " AND responder_id IS NULL", first.id(), second.id())).isEqualTo(2);
        assertThat(db.count("SELECT COUNT(*) FROM users WHERE id = ? AND is_active = FALSE", holder.id())).isOne();

        open("/admin/tickets/" + first.id());
        assertThat(byId("status").getText()).isEqualTo("pending");
        List<WebElement> rows = browser.findElements(By.cssSelector("#timeline tbody tr"));
        assertThat(rows).extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).contains("claimed", "Hank Holder", "pending", "in process"))
                .anySatisfy(text -> assertThat(text).contains("Ada Admin", "returned to pool", "in process",
                        "pending", "held by Hank Holder", "responder deactivated", "web"));
        screenshot("ticket-timeline");

        open("/admin/users/" + holder.id());
        click("reactivate");
        assertThat(byId("notice").getText()).isEqualTo("User reactivated.");
        assertThat(byId("status").getText()).isEqualTo("active");
    }

    @Test
    void theUserListFiltersByRoleAndActivity() {
        signInAsAdmin();
        world.employee("Filter Employee");
        User gone = world.responder("Filter Gone");
        world.responder("Filter Here");
        context.getBean(ticketdesk.core.user.DeactivatingUser.class).deactivate(gone.id(), admin.id(), Channel.WEB);

        open("/admin/users?q=Filter&role=responder&active=yes");
        assertThat(browser.findElements(By.cssSelector("#users tbody tr"))).extracting(WebElement::getText)
                .singleElement().asString().contains("Filter Here");
        open("/admin/users?q=Filter&active=no");
        assertThat(browser.findElements(By.cssSelector("#users tbody tr"))).extracting(WebElement::getText)
                .singleElement().asString().contains("Filter Gone", "deactivated");
    }
}
