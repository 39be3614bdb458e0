package ticketdesk.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import ticketdesk.admin.web.BrowserTest;
import ticketdesk.admin.web.Http;
import ticketdesk.core.user.User;

/**
 * Issue 14: what admins do to accounts, and who signed in or failed to from where, is on the audit's Admin actions
 * tab, with the same filters, keyset pages and CSV export as the ticket events.
 */
@MicronautTest(transactional = false)
class AdminActionsInTheBrowserTest extends BrowserTest {

    private static final String ATTACKER = "203.0.113.9";
    private static final String BROWSER = "127.0.0.1";

    private User victor;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.server.client-address-header", "X-Forwarded-For");
    }

    @BeforeAll
    void history() {
        for (int i = 0; i < 55; i++) {
            world.employee("Filler " + i);
        }
        victor = world.responder("Victor Responder");
        Http attacker = new Http(server.getURI());
        String token = Http.csrfOf(attacker.get("/admin/login").body()).orElseThrow();
        HttpResponse<String> failed = attacker.postForm("/admin/login", Map.of("_csrf", token, "email", admin.email(),
                "password", "guess"), "X-Forwarded-For", ATTACKER);
        assertThat(failed.statusCode()).isEqualTo(401);
    }

    @Test
    void aDeactivationAndAFailedSignInAreShownWithWhoWhomAndFromWhere() {
        signInAsAdmin();
        open("/admin/users/" + victor.id());
        type("phone", "+44 20 7183 8750");
        click("save");
        click("deactivate");

        open("/admin/audit");
        click("tab-admin");

        assertThat(row("deactivated", victor)).containsExactly("Ada Admin", "deactivated", "Victor Responder", "",
                BROWSER, "web");
        assertThat(row("user changed", victor)).containsExactly("Ada Admin", "user changed", "Victor Responder",
                "phone e164: +442071838750", BROWSER, "web");
        assertThat(row("sign in failed", admin)).containsExactly("unknown", "sign in failed", "Ada Admin", "",
                ATTACKER, "web");
        assertThat(row("signed in", admin)).containsExactly("Ada Admin", "signed in", "Ada Admin", "", BROWSER,
                "web");
        screenshot("audit-admin-actions");
    }

    @Test
    void theTabFiltersPagesByKeysetAndExportsWhatItShows() {
        signInAsAdmin();
        open("/admin/audit/admin");
        assertThat(rows()).hasSize(50);
        click("older");
        assertThat(rows()).isNotEmpty().hasSizeLessThan(50);

        open("/admin/audit/admin");
        new Select(browser.findElement(By.name("type"))).selectByValue("sign_in_failed");
        type("user", "Ada");
        click(By.cssSelector("form.filters button"));
        assertThat(rows()).hasSize(1);
        assertThat(rows().get(0).getText()).contains(ATTACKER);

        String csv = httpWithBrowserSession().get(byId("export").getAttribute("href")
                .replaceFirst("^https?://[^/]+", "")).body();
        List<List<String>> lines = CsvReader.parse(csv);
        assertThat(lines.get(0)).isEqualTo(AdminActionsController.HEADER);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("sign_in_failed", Long.toString(admin.id()), "Ada Admin", "unknown",
                ATTACKER);
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#actions tbody tr[id^=action-]"));
    }

    /**
     * The newest row of this action on this user, without its time: who, what, user, details, address, channel; the
     * browser's loopback address reads {@value #BROWSER}.
     */
    private List<String> row(String action, User user) {
        WebElement found = rows().stream().filter(r -> cells(r).get(2).equals(action)
                && cells(r).get(3).equals(user.displayName())).findFirst().orElseThrow(() ->
                new AssertionError("no " + action + " of " + user.displayName() + " in\n" + byId("actions").getText()));
        List<String> cells = new java.util.ArrayList<>(cells(found).subList(1, 7));
        cells.set(4, cells.get(4).equals("0:0:0:0:0:0:0:1") ? BROWSER : cells.get(4));
        return cells;
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }
}
