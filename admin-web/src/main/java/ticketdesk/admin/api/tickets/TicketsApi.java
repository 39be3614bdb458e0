package ticketdesk.admin.api.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Optional;
import ticketdesk.admin.api.ApiCaller;
import ticketdesk.admin.api.Problem;
import ticketdesk.admin.tickets.TicketFilter;
import ticketdesk.core.Channel;
import ticketdesk.core.Refusal;
import ticketdesk.core.ticket.ChangeResult;
import ticketdesk.core.ticket.ChangingTicket;
import ticketdesk.core.ticket.Commands;
import ticketdesk.core.ticket.OpenResult;
import ticketdesk.core.ticket.OpeningTicket;
import ticketdesk.core.ticket.Source;
import ticketdesk.core.ticket.TicketQueries;

/** Tickets: the list (the panel's filters, keyset pages), one with its timeline, opening one, changing its fields. */
@Controller(value = "/api/v1/tickets", produces = MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "tickets")
class TicketsApi {

    private final TicketPages pages;
    private final TicketViews views;
    private final TicketQueries tickets;
    private final OpeningTicket opening;
    private final ChangingTicket changing;

    TicketsApi(TicketPages pages, TicketViews views, TicketQueries tickets, OpeningTicket opening,
               ChangingTicket changing) {
        this.pages = pages;
        this.views = views;
        this.tickets = tickets;
        this.opening = opening;
        this.changing = changing;
    }

    @Get
    @Operation(summary = "Tickets the caller may see, newest first; filters as in the panel, pages by 'after'")
    TicketPage list(@Nullable @QueryValue String status, @Nullable @QueryValue String priority,
                    @Nullable @QueryValue String source, @Nullable @QueryValue String requester,
                    @Nullable @QueryValue String responder, @Nullable @QueryValue String text,
                    @Nullable @QueryValue Long after, @Nullable @QueryValue Integer limit,
                    @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
        TicketFilter filter = TicketFilter.of(status, priority, source, requester, responder, text, null, null, null);
        int size = limit == null ? 25 : Math.max(1, Math.min(limit, TicketPages.MAX_LIMIT));
        return pages.page(caller.user(), filter, after, size);
    }

    @Get("/{id}")
    @Operation(summary = "A ticket with its messages and timeline (internal notes only for responders and admins)")
    HttpResponse<?> get(@PathVariable long id,
                        @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
        return tickets.viewAs(caller.id(), id).<HttpResponse<?>>map(t -> HttpResponse.ok(views.detail(t, caller.user())))
                .orElseGet(() -> Problem.of(Refusal.notFound("ticket #" + id)));
    }

    @Post
    @Operation(summary = "Opens a ticket as the caller (source api)")
    HttpResponse<?> open(@Body TicketInput input,
                         @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
        Optional<Refusal> priority = TicketInput.priorityRefusal(input.priority());
        if (priority.isPresent()) {
            return Problem.of(priority.get());
        }
        OpenResult result = opening.open(new Commands.OpenTicket(caller.id(), input.title(), input.description(),
                input.parsedPriority(), input.category(), Source.API));
        if (result instanceof OpenResult.Opened opened) {
            return HttpResponse.created(views.view(opened.ticket()),
                    URI.create("/api/v1/tickets/" + opened.ticket().id()));
        }
        return Problem.of(((OpenResult.Refused) result).refusal());
    }

    @Patch("/{id}")
    @Operation(summary = "Changes the title, description, priority or category (the fields sent)")
    HttpResponse<?> change(@PathVariable long id, @Body TicketInput input,
                           @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
        Optional<Refusal> priority = TicketInput.priorityRefusal(input.priority());
        if (priority.isPresent()) {
            return Problem.of(priority.get());
        }
        ChangeResult result = changing.change(new Commands.ChangeTicket(id, caller.id(), input.title(),
                input.description(), input.parsedPriority(), input.category(), Channel.API));
        return TicketActionsApi.outcome(result, views);
    }
}
