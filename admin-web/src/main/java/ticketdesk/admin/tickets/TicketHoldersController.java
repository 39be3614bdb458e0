package ticketdesk.admin.tickets;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import java.util.Optional;
import ticketdesk.admin.tickets.SmallForms.HandOverForm;
import ticketdesk.admin.web.CurrentAdmin;
import ticketdesk.core.Channel;
import ticketdesk.core.ticket.ClaimResult;
import ticketdesk.core.ticket.ClaimingTicket;
import ticketdesk.core.ticket.Commands.ClaimTicket;
import ticketdesk.core.ticket.Commands.HandOverTicket;
import ticketdesk.core.ticket.Commands.ReleaseTicket;
import ticketdesk.core.ticket.HandingOverTicket;
import ticketdesk.core.ticket.ReleasingTicket;

/** Who holds the ticket: the signed-in admin claims it, hands it over or assigns it, takes it over or releases it. */
@Controller("/admin/tickets/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
class TicketHoldersController {

    private final ClaimingTicket claiming;
    private final HandingOverTicket handing;
    private final ReleasingTicket releasing;
    private final TicketOutcomes outcomes;

    TicketHoldersController(ClaimingTicket claiming, HandingOverTicket handing, ReleasingTicket releasing,
                            TicketOutcomes outcomes) {
        this.claiming = claiming;
        this.handing = handing;
        this.releasing = releasing;
        this.outcomes = outcomes;
    }

    @Post("/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> claim(HttpRequest<?> request, @PathVariable long id, Authentication authentication) {
        ClaimResult result = claiming.claim(new ClaimTicket(id, CurrentAdmin.of(authentication).id(), Channel.WEB));
        return outcomes.back(request, claimed(id, result));
    }

    @Post("/hand-over")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> handOver(HttpRequest<?> request, @PathVariable long id, @Body HandOverForm form,
                             Authentication authentication) {
        Optional<Long> to = form.receiverId();
        if (to.isEmpty()) {
            return outcomes.back(request, Flash.refused(id, "choose who should hold ticket #" + id));
        }
        return outcomes.back(request, id, handing.handOver(new HandOverTicket(id, CurrentAdmin.of(authentication).id(),
                to.get(), Channel.WEB)), after -> "Ticket #" + id + " is now held by "
                + outcomes.nameOf(after.responderId()) + ".");
    }

    @Post("/take-over")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> takeOver(HttpRequest<?> request, @PathVariable long id, Authentication authentication) {
        long admin = CurrentAdmin.of(authentication).id();
        return outcomes.back(request, id, handing.handOver(new HandOverTicket(id, admin, admin, Channel.WEB)),
                after -> "You now hold ticket #" + id + ".");
    }

    @Post("/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> release(HttpRequest<?> request, @PathVariable long id, Authentication authentication) {
        return outcomes.back(request, id, releasing.release(new ReleaseTicket(id, CurrentAdmin.of(authentication).id(),
                Channel.WEB)), after -> "Ticket #" + id + " is back in the pool.");
    }

    private static Flash claimed(long id, ClaimResult result) {
        if (result instanceof ClaimResult.AlreadyClaimed taken) {
            return Flash.refused(id, "ticket #" + id + " is already claimed by " + taken.holder().displayName());
        }
        if (result instanceof ClaimResult.Refused refused) {
            return Flash.refused(id, refused.refusal());
        }
        return Flash.done(id, "You claimed ticket #" + id + ".");
    }
}
