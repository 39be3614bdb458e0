package ticketdesk.admin.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ticketdesk.admin.web.ErrorPages;
import ticketdesk.admin.web.CurrentAdmin;
import ticketdesk.admin.web.UserNames;
import ticketdesk.core.audit.AuditLog;
import ticketdesk.core.audit.TicketEvent;
import ticketdesk.core.message.Message;
import ticketdesk.core.message.MessageQueries;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.ticket.TicketQueries;
import ticketdesk.core.user.UserDirectory;

/** The ticket list and a ticket's page with its messages, its complete timeline and the forms to work on it. */
@Controller("/admin/tickets")
@ExecuteOn(TaskExecutors.BLOCKING)
class TicketsController {

    static final String VIEW_LIST = "tickets/list";
    static final String VIEW_TICKET = "tickets/ticket";

    private final TicketListing listing;
    private final TicketQueries tickets;
    private final MessageQueries messages;
    private final AuditLog audit;
    private final UserNames names;
    private final RawMails rawMails;
    private final UserDirectory users;
    private final FlashCookie flashes;
    private final Attachments attachments;
    private final ErrorPages errors;

    TicketsController(TicketListing listing, TicketQueries tickets, MessageQueries messages, AuditLog audit,
                      UserNames names, RawMails rawMails, UserDirectory users, FlashCookie flashes,
                      Attachments attachments, ErrorPages errors) {
        this.listing = listing;
        this.tickets = tickets;
        this.messages = messages;
        this.audit = audit;
        this.names = names;
        this.rawMails = rawMails;
        this.users = users;
        this.flashes = flashes;
        this.attachments = attachments;
        this.errors = errors;
    }

    @Get
    ModelAndView<Map<String, Object>> list(@Nullable @QueryValue String status, @Nullable @QueryValue String priority,
                                           @Nullable @QueryValue String source, @Nullable @QueryValue String requester,
                                           @Nullable @QueryValue String responder, @Nullable @QueryValue String text,
                                           @Nullable @QueryValue String sort, @Nullable @QueryValue String dir,
                                           @Nullable @QueryValue Integer page) {
        TicketFilter filter = TicketFilter.of(status, priority, source, requester, responder, text, sort, dir, page);
        TicketListing.Page found = listing.search(filter);
        long pages = found.pages();
        Map<String, Object> model = new HashMap<>();
        model.put("filter", filter);
        model.put("tickets", found.tickets());
        model.put("total", found.total());
        model.put("pages", pages);
        model.put("pageNumber", found.number());
        model.put("prevPage", found.number() > 1 ? found.number() - 1 : null);
        model.put("nextPage", found.number() < pages ? found.number() + 1 : null);
        model.put("statuses", TicketFilter.STATUSES);
        model.put("priorities", TicketFilter.PRIORITIES);
        model.put("sources", TicketFilter.SOURCES);
        model.put("sorts", TicketFilter.SORT_NAMES);
        return new ModelAndView<>(VIEW_LIST, model);
    }

    @Get("/{id}")
    HttpResponse<?> ticket(HttpRequest<?> request, @PathVariable long id, Authentication authentication,
                           @Nullable @CookieValue(FlashCookie.NAME) String flash) {
        Optional<Ticket> ticket = tickets.byId(id);
        if (ticket.isEmpty()) {
            return errors.notFound(request, "ticket #" + id, "/admin/tickets", "Tickets");
        }
        List<Message> thread = messages.forTicket(id);
        List<TicketEvent> events = audit.timeline(id);
        Map<Long, String> people = names.of(TicketPage.peopleIn(ticket.get(), thread, events));
        Map<String, RawMails.RawMail> mails = rawMails.ofTicket(id);
        Map<Long, List<Attachments.File>> files = attachments.ofTicket(id);
        TicketPage page = new TicketPage(TicketPage.facts(ticket.get(), people), TicketPage.openingMail(mails),
                thread.stream().map(m -> TicketPage.message(m, people, files.getOrDefault(m.id(), List.of()), mails))
                        .toList(),
                events.stream().map(e -> TicketPage.event(e, people)).toList());
        long admin = CurrentAdmin.of(authentication).id();
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("forms", TicketForms.of(ticket.get(), admin, users.handOverCandidates(id),
                tickets.claimableBy(admin, id)));
        model.put("flash", flashes.read(flash, id).orElse(null));
        MutableHttpResponse<?> response = HttpResponse.ok(new ModelAndView<>(VIEW_TICKET, model));
        return flash == null ? response : response.cookie(FlashCookie.cleared(request));
    }

}
