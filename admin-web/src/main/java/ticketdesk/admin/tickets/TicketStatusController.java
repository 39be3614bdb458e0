package ticketdesk.admin.tickets;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import ticketdesk.admin.web.CurrentAdmin;
import ticketdesk.core.Channel;
import ticketdesk.core.ticket.CancellingTicket;
import ticketdesk.core.ticket.Commands.CancelTicket;
import ticketdesk.core.ticket.Commands.ReopenTicket;
import ticketdesk.core.ticket.Commands.ResolveTicket;
import ticketdesk.core.ticket.ReopeningTicket;
import ticketdesk.core.ticket.ResolvingTicket;
import ticketdesk.core.ticket.Ticket;

/** Where the ticket stands: the signed-in admin resolves, reopens or cancels it. */
@Controller("/admin/tickets/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
class TicketStatusController {

    private final ResolvingTicket resolving;
    private final ReopeningTicket reopening;
    private final CancellingTicket cancelling;
    private final TicketOutcomes outcomes;

    TicketStatusController(ResolvingTicket resolving, ReopeningTicket reopening, CancellingTicket cancelling,
                           TicketOutcomes outcomes) {
        this.resolving = resolving;
        this.reopening = reopening;
        this.cancelling = cancelling;
        this.outcomes = outcomes;
    }

    @Post("/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resolve(HttpRequest<?> request, @PathVariable long id, Authentication authentication) {
        return outcomes.back(request, id, resolving.resolve(new ResolveTicket(id, CurrentAdmin.of(authentication).id(),
                Channel.WEB)), after -> "Ticket #" + id + " resolved.");
    }

    @Post("/reopen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reopen(HttpRequest<?> request, @PathVariable long id, Authentication authentication) {
        return outcomes.back(request, id, reopening.reopen(new ReopenTicket(id, CurrentAdmin.of(authentication).id(),
                Channel.WEB)), this::reopened);
    }

    @Post("/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cancel(HttpRequest<?> request, @PathVariable long id, Authentication authentication) {
        return outcomes.back(request, id, cancelling.cancel(new CancelTicket(id, CurrentAdmin.of(authentication).id(),
                Channel.WEB)), after -> "Ticket #" + id + " cancelled.");
    }

    private String reopened(Ticket after) {
        return "Ticket #" + after.id() + " reopened; " + (after.responderId() == null ? "it is back in the pool."
                : outcomes.nameOf(after.responderId()) + " holds it again.");
    }
}
