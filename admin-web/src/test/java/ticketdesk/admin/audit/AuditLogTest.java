package ticketdesk.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import ticketdesk.admin.web.BrowserTest;
import ticketdesk.core.Channel;
import ticketdesk.core.ticket.ClaimingTicket;
import ticketdesk.core.ticket.Commands;
import ticketdesk.core.ticket.ReleasingTicket;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.User;

@MicronautTest(transactional = false)
class AuditLogTest extends BrowserTest {

    private static final String FORMULA_TITLE = "=HYPERLINK(\"http://evil.example\",\"click\")";
    // a title is one line (core's CleanText); a line break inside a CSV cell is CsvTest's
    private static final String AWKWARD_TITLE = "printer, \"again\"; on floor 2";

    private User carol;
    private User dan;
    private Ticket formula;

    @BeforeAll
    void someHistory() {
        User requester = world.employee("Rex Requester");
        carol = world.responder("Carol Claimer");
        dan = world.responder("Dan Other");
        formula = world.pendingTicket(requester, FORMULA_TITLE);
        Ticket awkward = world.pendingTicket(requester, AWKWARD_TITLE);
        claim(formula, carol);
        claim(awkward, carol);
        world.claimedTicket(requester, dan);
        Ticket released = world.claimedTicket(requester, dan);
        context.getBean(ReleasingTicket.class)
                .release(new Commands.ReleaseTicket(released.id(), dan.id(), Channel.SLACK));
        for (int i = 0; i < 110; i++) {
            world.pendingTicket(requester, "filler " + i);
        }
    }

    @Test
    void theCsvOfAFilteredViewHoldsExactlyTheFilteredRowsAndDefusesFormulas() {
        signInAsAdmin();
        open("/admin/audit");
        type("actor", "Carol");
        new Select(browser.findElement(By.name("type"))).selectByValue("claimed");
        click(By.cssSelector("form.filters button"));
        List<Long> shown = shownEventIds();
        List<Long> expected = ids("SELECT id FROM ticket_events WHERE actor_id = " + carol.id()
                + " AND event_type = 'claimed' ORDER BY created_at DESC, id DESC");
        assertThat(shown).hasSize(2).isEqualTo(expected);
        screenshot("audit-filtered");

        String href = byId("export").getAttribute("href");
        HttpResponse<String> csv = httpWithBrowserSession().get(href.substring(href.indexOf("/admin")));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment"));

        List<List<String>> rows = CsvReader.parse(csv.body());
        assertThat(rows.get(0)).isEqualTo(AuditCsv.HEADER);
        List<List<String>> data = rows.subList(1, rows.size());
        assertThat(data).extracting(r -> Long.parseLong(r.get(0))).isEqualTo(expected);
        assertThat(data).allSatisfy(r -> {
            assertThat(r).hasSize(AuditCsv.HEADER.size());
            assertThat(r.get(5)).isEqualTo("Carol Claimer");
            assertThat(r.get(6)).isEqualTo("claimed");
            assertThat(r).noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0);
        });
        assertThat(data).extracting(r -> r.get(3)).containsExactlyInAnyOrder("'" + FORMULA_TITLE, AWKWARD_TITLE);
    }

    @Test
    void theCsvFollowsTheTicketAndDateFilters() {
        signInAsAdmin();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        List<List<String>> rows = CsvReader.parse(httpWithBrowserSession()
                .get("/admin/audit/export.csv?ticket=" + formula.id() + "&from=" + today + "&to=" + today).body());
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(6)).containsExactly("claimed", "created");
        List<List<String>> none = CsvReader.parse(httpWithBrowserSession()
                .get("/admin/audit/export.csv?ticket=" + formula.id() + "&to=" + yesterday).body());
        assertThat(none).containsExactly(AuditCsv.HEADER);
    }

    @Test
    void theCsvOfEverythingStreamsEveryEvent() {
        signInAsAdmin();
        List<List<String>> rows = CsvReader.parse(httpWithBrowserSession().get("/admin/audit/export.csv").body());
        assertThat(rows.subList(1, rows.size())).extracting(r -> Long.parseLong(r.get(0)))
                .isEqualTo(ids("SELECT id FROM ticket_events ORDER BY created_at DESC, id DESC"));
    }

    @Test
    void aReleaseNamesTheResponderWhoHeldTheTicket() {
        signInAsAdmin();
        open("/admin/audit?type=released");
        String events = browser.findElement(By.cssSelector("#events tbody")).getText();
        assertThat(events).contains("held by Dan Other").doesNotContain("responder id", "#" + dan.id());
    }

    @Test
    void olderPagesContinueExactlyWhereThePreviousPageEnded() {
        signInAsAdmin();
        open("/admin/audit?type=created");
        List<Long> seen = new ArrayList<>(shownEventIds());
        assertThat(seen).hasSize(AuditController.PAGE_SIZE);
        while (!browser.findElements(By.id("older")).isEmpty()) {
            click("older");
            seen.addAll(shownEventIds());
        }
        assertThat(seen).isEqualTo(ids("SELECT id FROM ticket_events WHERE event_type = 'created'"
                + " ORDER BY created_at DESC, id DESC")).hasSize(114);
    }

    private List<Long> shownEventIds() {
        return browser.findElements(By.cssSelector("#events tbody tr[id^='event-']")).stream()
                .map(row -> row.getDomAttribute("id")).map(id -> Long.parseLong(id.substring("event-".length())))
                .toList();
    }

    private List<Long> ids(String sql) {
        try (var c = db.connect(); var rs = c.createStatement().executeQuery(sql)) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void claim(Ticket ticket, User responder) {
        context.getBean(ClaimingTicket.class)
                .claim(new Commands.ClaimTicket(ticket.id(), responder.id(), Channel.SLACK));
    }
}
