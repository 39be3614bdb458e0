package ticketdesk.admin.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ticketdesk.admin.web.ErrorPages;
import ticketdesk.admin.web.Formats;
import ticketdesk.admin.web.Sql;
import ticketdesk.admin.web.UserNames;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.UserDirectory;
import ticketdesk.mail.inbound.WaitingMail;

/** "Unmatched mail": the mail that went nowhere, newest first, and one mail with what an admin can do about it. */
@Controller("/admin/mail")
@ExecuteOn(TaskExecutors.BLOCKING)
class MailController {

    static final String VIEW_LIST = "mail/list";
    static final String VIEW_MAIL = "mail/mail";
    static final int PAGE_SIZE = 50;
    static final List<String> ROLES = List.of(Role.EMPLOYEE.db(), Role.RESPONDER.db());

    record Line(long id, String receivedAt, String from, String subject, String waits, String why, Long ticketId) {
    }

    private final WaitingMail waiting;
    private final UserDirectory users;
    private final UserNames names;
    private final ErrorPages errors;
    private final SenderTickets senderTickets;

    MailController(WaitingMail waiting, UserDirectory users, UserNames names, ErrorPages errors,
                   SenderTickets senderTickets) {
        this.waiting = waiting;
        this.users = users;
        this.names = names;
        this.errors = errors;
        this.senderTickets = senderTickets;
    }

    @Get
    ModelAndView<Map<String, Object>> list(@Nullable @QueryValue Integer page) {
        int asked = page == null ? 1 : Math.max(1, Math.min(page, 100_000));
        WaitingMail.Page found = waiting.page((asked - 1) * PAGE_SIZE, PAGE_SIZE);
        long pages = Sql.pages(found.total(), PAGE_SIZE);
        Map<String, Object> model = new HashMap<>();
        model.put("mails", found.lines().stream().map(l -> new Line(l.id(), Formats.time(l.receivedAt()), l.from(),
                l.subject(), MailWords.of(l.outcome()), l.why(), l.ticketId())).toList());
        model.put("total", found.total());
        model.put("pageNumber", asked);
        model.put("pages", pages);
        model.put("prevPage", asked > 1 ? asked - 1 : null);
        model.put("nextPage", asked < pages ? asked + 1 : null);
        return new ModelAndView<>(VIEW_LIST, model);
    }

    @Get("/{id}")
    HttpResponse<?> mail(HttpRequest<?> request, @PathVariable long id) {
        return page(id, null).<HttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> errors.notFound(request, "inbound email #" + id, "/admin/mail", "Unmatched mail"));
    }

    /** The mail's page, with {@code error} saying why an action was not done. */
    Optional<ModelAndView<Map<String, Object>>> page(long id, @Nullable String error) {
        return waiting.one(id).map(d -> {
            var sender = d.from() == null ? null : users.byEmail(d.from()).orElse(null);
            Map<String, Object> model = new HashMap<>();
            model.put("mail", MailPage.of(d, sender, d.handledBy() == null ? Map.of() : names.of(List.of(d.handledBy()))));
            model.put("error", error);
            model.put("roles", ROLES);
            model.put("tickets", sender == null ? List.of() : senderTickets.of(sender.id()));
            return new ModelAndView<>(VIEW_MAIL, model);
        });
    }
}
