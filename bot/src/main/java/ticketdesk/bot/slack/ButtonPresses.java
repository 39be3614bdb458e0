package ticketdesk.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import jakarta.inject.Singleton;
import java.util.Optional;
import ticketdesk.bot.card.CardButton;
import ticketdesk.bot.card.CardButtons;
import ticketdesk.core.Channel;

/**
 * The Slack side of a card's button: who pressed it, on which ticket, and where to tell them the outcome.
 * What the press means is {@link CardButtons}'; what the presser alone should read goes out as an
 * ephemeral note through the outbox, never as a Web API call before the ack.
 */
@Singleton
class ButtonPresses {

    private final CardButtons buttons;
    private final SlackPeople people;
    private final SlackNotes notes;
    private final SlackNames names;

    ButtonPresses(CardButtons buttons, SlackPeople people, SlackNotes notes, SlackNames names) {
        this.buttons = buttons;
        this.people = people;
        this.notes = notes;
        this.names = names;
    }

    void press(CardButton button, BlockActionRequest request) {
        BlockActionPayload payload = request.getPayload();
        Where where = where(payload);
        String value = payload.getActions().get(0).getValue();
        Optional<Long> ticketId = ticketId(value);
        if (ticketId.isEmpty()) {
            notes.tell(where, "That " + button.label() + " button names no ticket (\"" + SlackText.escape(
                    SlackText.limit(String.valueOf(value), 40)) + "\"); nothing was changed.");
            return;
        }
        Where about = where.about(ticketId.get());
        SlackPeople.Answer answer = people.act(where.user(), payload.getUser().getUsername(), about,
                presser -> buttons.press(button, ticketId.get(), presser, Channel.SLACK, names));
        if (answer.text() != null) {
            notes.tell(about, answer.text());
        }
    }

    static Where where(BlockActionPayload payload) {
        String channel = payload.getChannel() == null ? null : payload.getChannel().getId();
        return new Where(null, channel, payload.getUser().getId(), payload.getResponseUrl());
    }

    private static Optional<Long> ticketId(String value) {
        if (value == null || !value.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }
}
