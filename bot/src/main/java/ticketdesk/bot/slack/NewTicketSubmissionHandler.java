package ticketdesk.bot.slack;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import ticketdesk.bot.card.TicketWords;
import ticketdesk.bot.command.ChatDesk;
import ticketdesk.core.Refusal;
import ticketdesk.core.ticket.OpenResult;
import ticketdesk.core.ticket.Priority;
import ticketdesk.core.ticket.Source;

/**
 * The "new ticket" modal was submitted: open the ticket. An invalid field is shown on the form itself;
 * success closes the form and says "Ticket #42 opened" in the channel the command came from.
 */
@Singleton
class NewTicketSubmissionHandler implements ViewSubmissionHandler {

    private final ChatDesk desk;
    private final SlackPeople people;
    private final SlackNotes notes;
    private final TicketWords words;
    private final SlackNames names;

    NewTicketSubmissionHandler(ChatDesk desk, SlackPeople people, SlackNotes notes, TicketWords words,
                               SlackNames names) {
        this.desk = desk;
        this.people = people;
        this.notes = notes;
        this.words = words;
        this.names = names;
    }

    @Override
    public Response apply(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        Map<String, Map<String, ViewState.Value>> values = payload.getView().getState() == null ? Map.of()
                : payload.getView().getState().getValues();
        String title = text(values, NewTicketForm.TITLE);
        String description = text(values, NewTicketForm.DESCRIPTION);
        String category = text(values, NewTicketForm.CATEGORY);
        Priority priority = Priority.parse(selected(values, NewTicketForm.PRIORITY)).orElse(null);
        String userId = payload.getUser().getId();
        Where where = where(payload);
        AtomicReference<Refusal> invalid = new AtomicReference<>();
        SlackPeople.Answer answer = people.act(new SlackPeople.Person(userId, payload.getUser().getName(),
                teamOf(payload)), where, user -> {
            OpenResult result = desk.open(user, title, description, priority, category, Source.SLACK);
            String text = desk.answer(result, names);
            if (result instanceof OpenResult.Opened opened) {
                notes.tell(where.about(opened.ticket().id()), text);
                return Optional.empty();
            }
            Refusal refusal = ((OpenResult.Refused) result).refusal();
            if (refusal.reason() == Refusal.Reason.INVALID_INPUT) {
                invalid.set(refusal);
            }
            return Optional.of(text);
        });
        if (invalid.get() != null && !answer.deferred()) {
            return ctx.ackWithErrors(Map.of(NewTicketForm.fieldOf(invalid.get().message()),
                    words.refusal(invalid.get())));
        }
        if (answer.text() != null) {
            notes.tell(where, answer.text());
        }
        return ctx.ack();
    }

    /** The channel the form was opened from (else the person's DM) and the command's response_url. */
    static Where where(ViewSubmissionPayload payload) {
        String[] origin = NewTicketForm.metadata(payload.getView().getPrivateMetadata());
        String userId = payload.getUser().getId();
        return new Where(null, origin[0] == null ? userId : origin[0], userId, origin[1]);
    }

    /** The submitter's own team; the team of the workspace the form was opened in when Slack leaves it out. */
    private static String teamOf(ViewSubmissionPayload payload) {
        String team = payload.getUser().getTeamId();
        return team != null || payload.getTeam() == null ? team : payload.getTeam().getId();
    }

    private static String text(Map<String, Map<String, ViewState.Value>> values, String block) {
        ViewState.Value value = value(values, block);
        return value == null ? null : value.getValue();
    }

    private static String selected(Map<String, Map<String, ViewState.Value>> values, String block) {
        ViewState.Value value = value(values, block);
        return value == null || value.getSelectedOption() == null ? null : value.getSelectedOption().getValue();
    }

    private static ViewState.Value value(Map<String, Map<String, ViewState.Value>> values, String block) {
        Map<String, ViewState.Value> inBlock = values == null ? null : values.get(block);
        return inBlock == null ? null : inBlock.get(NewTicketForm.VALUE);
    }
}
