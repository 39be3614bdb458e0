package ticketdesk.admin.api.tickets;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import ticketdesk.admin.api.ApiCaller;
import ticketdesk.admin.api.Problem;
import ticketdesk.admin.api.UserRef;
import ticketdesk.core.Channel;
import ticketdesk.core.Refusal;
import ticketdesk.core.ticket.CancellingTicket;
import ticketdesk.core.ticket.ChangeResult;
import ticketdesk.core.ticket.ClaimResult;
import ticketdesk.core.ticket.ClaimingTicket;
import ticketdesk.core.ticket.Commands;
import ticketdesk.core.ticket.DeclineResult;
import ticketdesk.core.ticket.DecliningTicket;
import ticketdesk.core.ticket.HandingOverTicket;
import ticketdesk.core.ticket.ReleasingTicket;
import ticketdesk.core.ticket.ReopeningTicket;
import ticketdesk.core.ticket.ResolvingTicket;

/** What a person does to a ticket, each through the core use case chat and the panel use; answers the ticket after. */
@Controller(value = "/api/v1/tickets/{id}", produces = MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "tickets")
class TicketActionsApi {

    private final Actions actions;
    private final TicketViews views;

    TicketActionsApi(Actions actions, TicketViews views) {
        this.actions = actions;
        this.views = views;
    }

    /** Whom to hand the ticket to: another responder, or the caller (an admin taking it over). */
    @Serdeable
    record HandOver(long toUserId) {
    }

    @Post("/claim")
    @Operation(summary = "Claims a pending ticket; 409 with the holder when someone else won")
    HttpResponse<?> claim(@PathVariable long id, @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE)
                          ApiCaller caller) {
        ClaimResult result = actions.claiming.claim(new Commands.ClaimTicket(id, caller.id(), Channel.API));
        if (result instanceof ClaimResult.Claimed claimed) {
            return HttpResponse.ok(views.view(claimed.ticket()));
        }
        if (result instanceof ClaimResult.AlreadyClaimed taken) {
            return Problem.respond(new Problem(Problem.type("ALREADY_CLAIMED"), "Already claimed", 409,
                    "ticket #" + id + " is already claimed by " + taken.holder().displayName(), "ALREADY_CLAIMED",
                    null, UserRef.of(taken.holder())));
        }
        return Problem.of(((ClaimResult.Refused) result).refusal());
    }

    @Post("/decline")
    @Operation(summary = "Declines a ticket for good; a held one goes back to the pool")
    HttpResponse<?> decline(@PathVariable long id, @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE)
                            ApiCaller caller) {
        DeclineResult result = actions.declining.decline(new Commands.DeclineTicket(id, caller.id(), Channel.API));
        if (result instanceof DeclineResult.Declined declined) {
            return HttpResponse.ok(views.view(declined.ticket()));
        }
        return Problem.of(((DeclineResult.Refused) result).refusal());
    }

    @Post("/release")
    @Operation(summary = "Gives a claimed ticket back to the pool")
    HttpResponse<?> release(@PathVariable long id, @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE)
                            ApiCaller caller) {
        return outcome(actions.releasing.release(new Commands.ReleaseTicket(id, caller.id(), Channel.API)), views);
    }

    @Post("/resolve")
    @Operation(summary = "Resolves a claimed ticket")
    HttpResponse<?> resolve(@PathVariable long id, @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE)
                            ApiCaller caller) {
        return outcome(actions.resolving.resolve(new Commands.ResolveTicket(id, caller.id(), Channel.API)), views);
    }

    @Post("/cancel")
    @Operation(summary = "Cancels an open ticket (its requester or an admin)")
    HttpResponse<?> cancel(@PathVariable long id, @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE)
                           ApiCaller caller) {
        return outcome(actions.cancelling.cancel(new Commands.CancelTicket(id, caller.id(), Channel.API)), views);
    }

    @Post("/reopen")
    @Operation(summary = "Reopens a resolved ticket")
    HttpResponse<?> reopen(@PathVariable long id, @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE)
                           ApiCaller caller) {
        return outcome(actions.reopening.reopen(new Commands.ReopenTicket(id, caller.id(), Channel.API)), views);
    }

    @Post("/handover")
    @Operation(summary = "Hands a claimed ticket over, assigns a pending one (admins), or takes one over (admins)")
    HttpResponse<?> handOver(@PathVariable long id, @Body HandOver to,
                             @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
        return outcome(actions.handingOver.handOver(new Commands.HandOverTicket(id, caller.id(), to.toUserId(),
                Channel.API)), views);
    }

    static HttpResponse<?> outcome(ChangeResult result, TicketViews views) {
        if (result instanceof ChangeResult.Changed changed) {
            return HttpResponse.ok(views.view(changed.ticket()));
        }
        Refusal refusal = ((ChangeResult.Refused) result).refusal();
        return Problem.of(refusal);
    }

    /** The use cases behind the buttons, in one bean so the controller's constructor stays short. */
    @jakarta.inject.Singleton
    record Actions(ClaimingTicket claiming, DecliningTicket declining, ReleasingTicket releasing,
                   ResolvingTicket resolving, CancellingTicket cancelling, ReopeningTicket reopening,
                   HandingOverTicket handingOver) {
    }
}
