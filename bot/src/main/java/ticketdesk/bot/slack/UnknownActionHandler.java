package ticketdesk.bot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import ticketdesk.bot.card.CardButton;

/**
 * A button ticketdesk does not know (an old card, another app's id): say so in a note, change nothing.
 * Slack shows nothing of a block action's response body, so the ack is plain.
 */
@Singleton
class UnknownActionHandler implements BlockActionHandler {

    /** Every action id except the card's own buttons. */
    static final Pattern UNKNOWN = Pattern.compile("^(?!(" + Arrays.stream(CardButton.values())
            .map(b -> Pattern.quote(b.id())).collect(Collectors.joining("|")) + ")$).*$", Pattern.DOTALL);

    private final SlackNotes notes;

    UnknownActionHandler(SlackNotes notes) {
        this.notes = notes;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        String actionId = request.getPayload().getActions().get(0).getActionId();
        String text = "ticketdesk does not know the action \""
                + SlackText.escape(SlackText.limit(String.valueOf(actionId), 60))
                + "\"; nothing was changed.";
        notes.tell(ButtonPresses.where(request.getPayload()), text);
        return ctx.ack();
    }
}
