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
import ticketdesk.admin.tickets.SmallForms.NoteForm;
import ticketdesk.admin.web.CurrentAdmin;
import ticketdesk.core.Channel;
import ticketdesk.core.message.AddNote;
import ticketdesk.core.message.AddingNote;
import ticketdesk.core.message.PostResult;
import ticketdesk.core.ticket.ChangingTicket;
import ticketdesk.core.ticket.Commands.ChangeTicket;

/** The ticket page's change form and note form, each posting to its core use case. */
@Controller("/admin/tickets/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
class TicketChangesController {

    /** Notes keyed by the form that posted them, apart from the ids other channels give their messages. */
    private static final String NOTE_KEY_PREFIX = "admin-note:";

    private final ChangingTicket changing;
    private final AddingNote noting;
    private final TicketOutcomes outcomes;

    TicketChangesController(ChangingTicket changing, AddingNote noting, TicketOutcomes outcomes) {
        this.changing = changing;
        this.noting = noting;
        this.outcomes = outcomes;
    }

    @Post("/change")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> change(HttpRequest<?> request, @PathVariable long id, @Body ChangeForm form,
                           Authentication authentication) {
        if (form.changesNothing()) {
            return outcomes.back(request, Flash.done(id, "Nothing changed."));
        }
        Optional<ChangeTicket> command = form.command(id, CurrentAdmin.of(authentication).id());
        if (command.isEmpty()) {
            return outcomes.back(request, Flash.refused(id, "choose a priority: low, medium, high or urgent"));
        }
        return outcomes.back(request, id, changing.change(command.get()), form::confirmation);
    }

    @Post("/note")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> note(HttpRequest<?> request, @PathVariable long id, @Body NoteForm form,
                         Authentication authentication) {
        String key = form.key() == null || form.key().isBlank() ? null : NOTE_KEY_PREFIX + form.key().strip();
        PostResult result = noting.add(new AddNote(id, CurrentAdmin.of(authentication).id(), form.body(),
                Channel.WEB, key));
        if (result instanceof PostResult.Refused refused) {
            return outcomes.back(request, Flash.refused(id, refused.refusal()));
        }
        return outcomes.back(request, Flash.done(id, "Internal note added."));
    }
}
