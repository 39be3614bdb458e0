package ticketdesk.admin.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import ticketdesk.admin.web.Http;
import ticketdesk.core.Channel;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.testing.World;
import ticketdesk.core.ticket.Commands;
import ticketdesk.core.ticket.DecliningTicket;
import ticketdesk.core.ticket.ResolvingTicket;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.ManagingUsers;
import ticketdesk.core.user.User;

/**
 * Base of the HTTP tests of the ticket page's forms: the app on a real socket over a fresh database, an admin
 * signed in through the login form, and the forms posted as a browser posts them.
 */
abstract class TicketFormsHttpTest extends DatabaseTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern FLASH = Pattern.compile("<p id=\"flash\" class=\"(notice|error)\"[^>]*>([^<]*)</p>");

    @Inject
    EmbeddedServer server;

    User admin;
    User requester;
    User alice;
    Http http;
    String csrf;

    @BeforeAll
    void anAdminSignedIn() {
        World world = new World(context);
        admin = world.admin("Ada Admin");
        requester = world.employee("Erin Employee");
        alice = world.responder("Alice Responder");
        context.getBean(ManagingUsers.class).setPassword(admin.id(), PASSWORD);
        http = new Http(server.getURI());
        assertThat(http.signIn(admin.email(), PASSWORD).statusCode()).isEqualTo(303);
        csrf = Http.csrfOf(http.get("/admin/tickets").body()).orElseThrow();
    }

    /** Posts one of the ticket page's forms with the session's token, and checks it leads back to the page. */
    HttpResponse<String> post(Ticket ticket, String action, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("_csrf", csrf);
        HttpResponse<String> response = http.postForm(path(ticket) + "/" + action, form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue(path(ticket));
        return response;
    }

    HttpResponse<String> post(Ticket ticket, String action) {
        return post(ticket, action, Map.of());
    }

    String page(Ticket ticket) {
        HttpResponse<String> page = http.get(path(ticket));
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    /** What the page said after the post, as "notice: …" or "error: …"; "" when it said nothing. */
    String flash(Ticket ticket) {
        Matcher m = FLASH.matcher(page(ticket));
        return m.find() ? m.group(1) + ": " + unescape(m.group(2)) : "";
    }

    static String path(Ticket ticket) {
        return "/admin/tickets/" + ticket.id();
    }

    long events(Ticket ticket, String type) {
        return db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = ?", ticket.id(), type);
    }

    /** The ticket's row and how many events and messages it has: what no refused post may change. */
    String state(Ticket ticket) {
        try (var c = db.connect(); var ps = c.prepareStatement("SELECT CONCAT_WS('|', t.title,"
                + " COALESCE(t.description, '-'), t.priority, COALESCE(t.category, '-'), t.status,"
                + " COALESCE(t.responder_id, '-'), (SELECT COUNT(*) FROM ticket_events e WHERE e.ticket_id = t.id),"
                + " (SELECT COUNT(*) FROM messages m WHERE m.ticket_id = t.id)) FROM tickets t WHERE t.id = ?")) {
            ps.setLong(1, ticket.id());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void decline(Ticket ticket, User responder) {
        context.getBean(DecliningTicket.class).decline(new Commands.DeclineTicket(ticket.id(), responder.id(),
                Channel.SLACK));
    }

    Ticket resolved(User holder) {
        Ticket ticket = world.claimedTicket(requester, holder);
        context.getBean(ResolvingTicket.class).resolve(new Commands.ResolveTicket(ticket.id(), holder.id(),
                Channel.SLACK));
        return ticket;
    }

    private static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
