package ticketdesk.admin.mail;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import java.net.URI;
import java.util.Optional;
import ticketdesk.admin.web.ErrorPages;
import ticketdesk.admin.web.PanelActor;
import ticketdesk.core.audit.Actor;
import ticketdesk.core.user.ManagingUsers;
import ticketdesk.core.user.NewUser;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.UserResult;
import ticketdesk.mail.inbound.HeldMail;
import ticketdesk.mail.inbound.HeldResult;
import ticketdesk.mail.inbound.WaitingMail;

/**
 * Apply, attach, dismiss, and create the sender then apply: each through mail-ingest's {@link HeldMail} (and core for
 * the new user), back to the mail's page, which shows what came of it, or the page again saying why nothing was done.
 */
@Controller("/admin/mail/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
class MailActionsController {

    private final HeldMail held;
    private final WaitingMail waiting;
    private final ManagingUsers managing;
    private final PanelActor actors;
    private final MailController pages;
    private final ErrorPages errors;

    MailActionsController(HeldMail held, WaitingMail waiting, ManagingUsers managing, PanelActor actors,
                          MailController pages, ErrorPages errors) {
        this.held = held;
        this.waiting = waiting;
        this.managing = managing;
        this.actors = actors;
        this.pages = pages;
        this.errors = errors;
    }

    @Post("/apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> apply(HttpRequest<?> request, @PathVariable long id, @Body MailForm form, Authentication auth) {
        return answer(request, id, held.apply(id, form.seenOutcome(), actors.of(auth, request), form.isConfirmed()));
    }

    @Post("/attach")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> attach(HttpRequest<?> request, @PathVariable long id, @Body MailForm form, Authentication auth) {
        Long ticketId = form.ticketId();
        if (ticketId == null) {
            return refused(request, id, HttpStatus.UNPROCESSABLE_ENTITY, "Type the number of the ticket to attach it to.");
        }
        return answer(request, id, held.attach(id, form.seenOutcome(), ticketId, actors.of(auth, request),
                form.isConfirmed()));
    }

    @Post("/dismiss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> dismiss(HttpRequest<?> request, @PathVariable long id, @Body MailForm form, Authentication auth) {
        return answer(request, id, held.dismiss(id, form.seenOutcome(), actors.of(auth, request)));
    }

    /** Creates the sender as a user (employee or responder), then applies the mail, or attaches it when a ticket is given. */
    @Post("/sender")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createSender(HttpRequest<?> request, @PathVariable long id, @Body MailForm form,
                                 Authentication auth) {
        Optional<String> address = waiting.sender(id);
        if (address.isEmpty()) {
            return errors.notFound(request, "inbound email #" + id, "/admin/mail", "Unmatched mail");
        }
        Role role = Role.RESPONDER.db().equals(form.role()) ? Role.RESPONDER : Role.EMPLOYEE;
        Actor admin = actors.of(auth, request);
        Long ticketId = form.ticketId();
        UserResult created = managing.create(NewUser.of(form.displayName(), address.get(), role), admin);
        if (created instanceof UserResult.Refused refused) {
            return refused(request, id, HttpStatus.UNPROCESSABLE_ENTITY, refused.refusal().message());
        }
        return answer(request, id, ticketId == null ? held.apply(id, form.seenOutcome(), admin, form.isConfirmed())
                : held.attach(id, form.seenOutcome(), ticketId, admin, form.isConfirmed()));
    }

    private HttpResponse<?> answer(HttpRequest<?> request, long id, HeldResult result) {
        if (result instanceof HeldResult.Done) {
            return HttpResponse.seeOther(URI.create("/admin/mail/" + id));
        }
        if (result instanceof HeldResult.AlreadyHandled first) {
            return refused(request, id, HttpStatus.CONFLICT, "Someone handled this mail first: it is now "
                    + MailWords.of(first.now()) + ". Nothing was done.");
        }
        if (result instanceof HeldResult.NeedsConfirmation forged) {
            return refused(request, id, HttpStatus.CONFLICT, "The receiving mail server found the sender forged (" + forged.why()
                    + "). Tick the confirmation if you know it is genuine, and try again.");
        }
        if (result instanceof HeldResult.SenderUnknown unknown) {
            return refused(request, id, HttpStatus.UNPROCESSABLE_ENTITY, unknown.deactivated()
                    ? unknown.address() + " belongs to a deactivated user: reactivate them first."
                    : unknown.address() + " is no user yet: create them first.");
        }
        return refused(request, id, HttpStatus.UNPROCESSABLE_ENTITY, ((HeldResult.Refused) result).why() + ".");
    }

    private HttpResponse<?> refused(HttpRequest<?> request, long id, HttpStatus status, String message) {
        return pages.page(id, message).<HttpResponse<?>>map(page -> HttpResponse.status(status).body(page))
                .orElseGet(() -> errors.notFound(request, "inbound email #" + id, "/admin/mail", "Unmatched mail"));
    }
}
