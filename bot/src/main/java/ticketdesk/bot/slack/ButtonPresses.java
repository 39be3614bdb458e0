package ticketdesk.bot.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.util.json.GsonFactory;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ticketdesk.bot.card.CardButton;
import ticketdesk.bot.card.CardButtons;
import ticketdesk.core.Channel;

/**
 * A card's button pressed in Slack: who pressed it, on which ticket, and where to tell them the outcome. What
 * the press means is {@link CardButtons}'; what the presser alone should read goes out as an ephemeral
 * {@link SlackNotes note} after the ack.
 *
 * <p>Block actions are read here rather than by Bolt: Bolt's {@code BlockActionRequest} builds a new Gson
 * for every press, and with it a reflective adapter for every type a {@code BlockActionPayload} can hold,
 * which was a third of the CPU of a claim storm. One Gson, built once, reads them all.
 */
@Singleton
class ButtonPresses {

    private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();
    private static final Logger LOG = LoggerFactory.getLogger(ButtonPresses.class);

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

    /**
     * The block action in an interactivity payload whose type is {@code block_actions}, or empty for any other
     * JSON, which is Bolt's to handle. The body's signature has been checked already.
     */
    static Optional<BlockActionPayload> read(JsonObject json) {
        if (json == null || !isBlockActions(json)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(SLACK_JSON.fromJson(json, BlockActionPayload.class));
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    private static boolean isBlockActions(JsonObject json) {
        JsonElement type = json.get("type");
        return type != null && type.isJsonPrimitive() && BlockActionPayload.TYPE.equals(type.getAsString());
    }

    /** Does what the pressed button means; an unknown button (an old card, another app's) changes nothing. */
    void press(BlockActionPayload payload) {
        List<BlockActionPayload.Action> actions = payload.getActions();
        if (actions == null || actions.isEmpty() || payload.getUser() == null || payload.getUser().getId() == null) {
            LOG.warn("a Slack block action without an action or a user was ignored");
            return;
        }
        BlockActionPayload.Action action = actions.get(0);
        Optional<CardButton> button = CardButton.byId(String.valueOf(action.getActionId()));
        if (button.isEmpty()) {
            notes.tell(where(payload), "ticketdesk does not know the action \""
                    + SlackText.escape(SlackText.limit(String.valueOf(action.getActionId()), 60))
                    + "\"; nothing was changed.");
            return;
        }
        press(button.get(), payload, action.getValue());
    }

    /** Tells the presser their press was not taken (the instance is overloaded); nothing was changed. */
    void busy(BlockActionPayload payload, String text) {
        if (payload.getUser() != null && payload.getUser().getId() != null) {
            notes.tell(where(payload), text);
        }
    }

    private void press(CardButton button, BlockActionPayload payload, String value) {
        Where where = where(payload);
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
