package ticketdesk.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.testing.World;
import ticketdesk.core.user.ManagingUsers;
import ticketdesk.core.user.User;

/** Whatever a signed-in admin puts in a list's query string, the panel answers with a page, never a server error. */
@MicronautTest(transactional = false)
class CraftedQueryStringsTest extends DatabaseTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    private Http http;

    @BeforeAll
    void aSignedInAdminWithATicket() {
        World world = new World(context);
        User admin = world.admin("Ada Admin");
        context.getBean(ManagingUsers.class).setPassword(admin.id(), "correct horse battery");
        world.pendingTicket(world.employee("Erin Employee"));
        http = new Http(server.getURI());
        assertThat(http.signIn(admin.email(), "correct horse battery").statusCode()).isEqualTo(303);
    }

    @Test
    void aHugeOrNegativePageNumberShowsAPageNotAnError() {
        for (String page : new String[] {"50000000", "2147483647", "-2147483648", "0"}) {
            HttpResponse<String> users = http.get("/admin/users?page=" + page);
            HttpResponse<String> tickets = http.get("/admin/tickets?page=" + page);

            assertThat(users.statusCode()).as("users page " + page).isEqualTo(200);
            assertThat(users.body()).as("users page " + page).contains("Ada Admin", "page 1 of 1")
                    .doesNotContain("No user matches.");
            assertThat(tickets.statusCode()).as("tickets page " + page).isEqualTo(200);
            assertThat(tickets.body()).as("tickets page " + page).contains("printer broken", "page 1 of 1")
                    .doesNotContain("No ticket matches.");
        }
    }

    @Test
    void aFilterValueThePanelDoesNotKnowIsABadRequestThatNamesIt() {
        for (String query : new String[] {"/admin/audit?type=claimd", "/admin/audit/export.csv?type=claimd",
                "/admin/audit/export.csv?ticket=claimd", "/admin/audit/export.csv?from=claimd",
                "/admin/audit?to=claimd", "/admin/tickets?status=claimd", "/admin/tickets?priority=claimd",
                "/admin/tickets?source=claimd", "/admin/tickets?sort=claimd", "/admin/tickets?dir=claimd",
                "/admin/users?role=claimd", "/admin/users?active=claimd"}) {
            HttpResponse<String> answer = http.get(query);

            assertThat(answer.statusCode()).as(query).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).as(query).hasValue("text/html;charset=utf-8");
            assertThat(unescaped(answer)).as(query).contains("\"claimd\"", "Cannot show this")
                    .doesNotContain("printer broken");
        }
    }

    @Test
    void knownFilterValuesInAnyCaseStillFilter() {
        assertThat(http.get("/admin/audit/export.csv?type=%20Created%20").body()).contains("printer broken");
        assertThat(http.get("/admin/tickets?status=PENDING&sort=id&dir=asc").body()).contains("printer broken");
        assertThat(http.get("/admin/users?role=Admin&active=yes").body()).contains("Ada Admin");
    }

    @Test
    void aPageNumberBeyondAnIntegerIsABadRequest() {
        assertThat(http.get("/admin/users?page=99999999999").statusCode()).isEqualTo(400);
        assertThat(http.get("/admin/tickets?page=99999999999").statusCode()).isEqualTo(400);
    }

    @Test
    void anAuditDateOutsideTheYearsADatabaseHoldsIsABadRequestThatNamesIt() {
        for (String date : new String[] {"0202-01-01", "+999999999-12-31", "-999999999-01-01", "+10000-01-01"}) {
            for (String query : new String[] {"/admin/audit?to=", "/admin/audit/export.csv?to=",
                    "/admin/audit?from=", "/admin/audit/export.csv?from="}) {
                HttpResponse<String> answer = http.get(query + date.replace("+", "%2B"));

                assertThat(answer.statusCode()).as(query + date).isEqualTo(400);
                assertThat(unescaped(answer)).as(query + date).contains("\"" + date + "\"", "1970-01-01 to 9999-12-31")
                        .doesNotContain("printer broken");
            }
        }
    }

    @Test
    void theFirstAndLastDayADatabaseHoldsStillFilter() {
        String query = "from=1970-01-01&to=9999-12-31";

        assertThat(http.get("/admin/audit?" + query).body()).contains("printer broken");
        assertThat(http.get("/admin/audit/export.csv?" + query).body()).contains("printer broken");
    }

    @Test
    void anOutOfRangeAuditCursorShowsTheNewestPage() {
        for (String after : new String[] {"%2B999999999-12-31T00:00_1", "-999999999-01-01T00:00_1",
                "0001-01-01T00:00_1", "garbage"}) {
            HttpResponse<String> page = http.get("/admin/audit?after=" + after);

            assertThat(page.statusCode()).as(after).isEqualTo(200);
            assertThat(page.body()).as(after).contains("printer broken");
        }
    }

    /** The panel's 400 page, its text as the browser shows it (Thymeleaf writes quotes as entities). */
    private static String unescaped(HttpResponse<String> page) {
        return page.body().replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
