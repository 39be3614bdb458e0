package ticketdesk.mail.outbound;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;
import java.util.Optional;
import ticketdesk.core.Channel;
import ticketdesk.core.ticket.ClaimResult;
import ticketdesk.core.ticket.ClaimingTicket;
import ticketdesk.core.ticket.Commands.ClaimTicket;
import ticketdesk.core.ticket.Commands.DeclineTicket;
import ticketdesk.core.ticket.DeclineResult;
import ticketdesk.core.ticket.DecliningTicket;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.ticket.TicketQueries;
import ticketdesk.mail.outbound.ConfirmLinks.Action;
import ticketdesk.mail.outbound.ConfirmLinks.Link;

/**
 * The Claim and Decline links of responders' emails. GET only shows a confirm page (mail scanners
 * that pre-fetch links change nothing); the page's POST, carrying its form token, claims or declines.
 */
@Controller("/mail/confirm")
@ExecuteOn(TaskExecutors.BLOCKING)
class ConfirmController {

    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    private final ConfirmLinks links;
    private final TicketQueries tickets;
    private final ClaimingTicket claiming;
    private final DecliningTicket declining;

    ConfirmController(ConfirmLinks links, TicketQueries tickets, ClaimingTicket claiming, DecliningTicket declining) {
        this.links = links;
        this.tickets = tickets;
        this.claiming = claiming;
        this.declining = declining;
    }

    @Get("/{token}")
    HttpResponse<String> show(@PathVariable String token) {
        Optional<Link> link = links.read(token);
        // core's visibility rule: a responder who since declined it, or was deactivated, sees nothing of the ticket
        Optional<Ticket> ticket = link.flatMap(l -> tickets.viewAs(l.userId(), l.ticketId()));
        if (ticket.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "Link not valid",
                    "<p>This link is not valid, or its ticket is gone or no longer yours to see.</p>");
        }
        String verb = link.get().action() == Action.CLAIM ? "Claim" : "Decline";
        Ticket t = ticket.get();
        String body = "<p>" + verb + " ticket <strong>#" + t.id() + "</strong>: " + MailBody.escape(t.title()) + "?</p>"
                + (t.description() == null ? "" : "<blockquote>" + MailBody.escape(t.description()) + "</blockquote>")
                + "<form method=\"post\" action=\"/mail/confirm/" + MailBody.escape(token) + "\">"
                + "<input type=\"hidden\" name=\"confirm\" value=\"" + links.formToken(token) + "\">"
                + "<button type=\"submit\">" + verb + " ticket #" + t.id() + "</button></form>";
        return page(HttpStatus.OK, verb + " ticket #" + t.id(), body);
    }

    @Post(value = "/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> act(@PathVariable String token, @Nullable @Body Map<String, String> form) {
        Optional<Link> link = links.read(token);
        String confirm = form == null ? null : form.get("confirm");
        if (link.isEmpty() || !links.checkFormToken(token, confirm)) {
            return page(HttpStatus.FORBIDDEN, "Not confirmed",
                    "<p>This request was not confirmed from its page. Open the link in your email again.</p>");
        }
        Link l = link.get();
        String outcome = l.action() == Action.CLAIM ? claim(l) : decline(l);
        return page(HttpStatus.OK, "Ticket #" + l.ticketId(), "<p>" + MailBody.escape(outcome) + "</p>");
    }

    private String claim(Link l) {
        ClaimResult result = claiming.claim(new ClaimTicket(l.ticketId(), l.userId(), Channel.EMAIL));
        if (result instanceof ClaimResult.Claimed claimed) {
            return "You claimed ticket #" + claimed.ticket().id() + ": " + claimed.ticket().title() + ".";
        }
        if (result instanceof ClaimResult.AlreadyClaimed already) {
            return "Ticket #" + already.ticket().id() + " is already claimed by " + already.holder().displayName() + ".";
        }
        return "Not claimed: " + ((ClaimResult.Refused) result).refusal().message() + ".";
    }

    private String decline(Link l) {
        DeclineResult result = declining.decline(new DeclineTicket(l.ticketId(), l.userId(), Channel.EMAIL));
        if (result instanceof DeclineResult.Declined declined) {
            return "You declined ticket #" + declined.ticket().id() + "; you will not see it again.";
        }
        return "Not declined: " + ((DeclineResult.Refused) result).refusal().message() + ".";
    }

    private static MutableHttpResponse<String> page(HttpStatus status, String title, String body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + MailBody.escape(title)
                + "</title><meta name=\"viewport\" content=\"width=device-width\"></head>"
                + "<body style=\"font-family:sans-serif;max-width:40em;margin:2em auto\"><h1>"
                + MailBody.escape(title) + "</h1>" + body + "</body></html>";
        return HttpResponse.<String>status(status).body(html).contentType(MediaType.TEXT_HTML_TYPE)
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
    }
}
