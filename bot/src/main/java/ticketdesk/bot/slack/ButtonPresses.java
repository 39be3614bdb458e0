package ticketdesk.bot.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.regex.Pattern;
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
 * <p>Block actions are read here rather than by Bolt, and straight from the parsed JSON: Bolt's
 * {@code BlockActionRequest} builds a new Gson for every press, and even one shared Gson turning the payload
 * into a {@code BlockActionPayload} (a large class tree) cost more of a claim storm's CPU than the six
 * fields ticketdesk reads are worth.
 */
@Singleton
class ButtonPresses {

    private static final String BLOCK_ACTIONS = "block_actions";
    private static final Pattern TICKET_ID = Pattern.compile("\\d{1,18}");
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
     * The button press in an interactivity payload whose type is {@code block_actions}, or empty for any other
     * JSON, which is Bolt's to handle. So is a press whose fields have a shape Slack never sends (an object
     * where a text belongs): Bolt cannot read it either and refuses it. The body's signature has been checked
     * already.
     */
    static Optional<ButtonPress> read(JsonObject json) {
        if (json == null || !isBlockActions(json)) {
            return Optional.empty();
        }
        try {
            JsonObject user = object(json, "user");
            JsonObject channel = object(json, "channel");
            JsonObject action = firstAction(json);
            String team = text(user, "team_id");
            return Optional.of(new ButtonPress(text(user, "id"), text(user, "username"),
                    team != null ? team : text(object(json, "team"), "id"), text(channel, "id"),
                    text(json, "response_url"), action == null ? null
                            : new ButtonPress.Action(text(action, "action_id"), text(action, "value"))));
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    private static boolean isBlockActions(JsonObject json) {
        JsonElement type = json.get("type");
        return type != null && type.isJsonPrimitive() && BLOCK_ACTIONS.equals(type.getAsString());
    }

    /** A text field as {@link JsonFields#text} reads it, refusing an object or list where Slack sends a text. */
    private static String text(JsonObject json, String name) {
        JsonElement value = json == null ? null : json.get(name);
        if (value != null && !value.isJsonNull() && !value.isJsonPrimitive()) {
            throw new JsonParseException(name + " is not a text");
        }
        return JsonFields.text(json, name);
    }

    private static JsonObject object(JsonObject json, String name) {
        JsonElement value = json.get(name);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonObject()) {
            throw new JsonParseException(name + " is not an object");
        }
        return value.getAsJsonObject();
    }

    private static JsonObject firstAction(JsonObject json) {
        JsonElement value = json.get("actions");
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonArray()) {
            throw new JsonParseException("actions is not a list");
        }
        JsonArray actions = value.getAsJsonArray();
        for (JsonElement action : actions) {
            if (!action.isJsonNull() && !action.isJsonObject()) {
                throw new JsonParseException("an action is not an object");
            }
        }
        return actions.isEmpty() || actions.get(0).isJsonNull() ? null : actions.get(0).getAsJsonObject();
    }

    /** Does what the pressed button means; an unknown button (an old card, another app's) changes nothing. */
    void press(ButtonPress press) {
        ButtonPress.Action action = press.action();
        if (action == null || press.userId() == null) {
            LOG.warn("a Slack block action without an action or a user was ignored");
            return;
        }
        Optional<CardButton> button = CardButton.byId(String.valueOf(action.id()));
        if (button.isEmpty()) {
            notes.tell(press.where(), "ticketdesk does not know the action \""
                    + SlackText.escape(SlackText.limit(String.valueOf(action.id()), 60))
                    + "\"; nothing was changed.");
            return;
        }
        press(button.get(), press, action.value());
    }

    /** Tells the presser why their press changed nothing: it was refused (overload) or it failed. */
    void tell(ButtonPress press, String text) {
        if (press.userId() != null) {
            notes.tell(press.where(), text);
        }
    }

    private void press(CardButton button, ButtonPress press, String value) {
        Where where = press.where();
        Optional<Long> ticketId = ticketId(value);
        if (ticketId.isEmpty()) {
            notes.tell(where, "That " + button.label() + " button names no ticket (\"" + SlackText.escape(
                    SlackText.limit(String.valueOf(value), 40)) + "\"); nothing was changed.");
            return;
        }
        Where about = where.about(ticketId.get());
        SlackPeople.Answer answer = people.act(press.presser(), about,
                presser -> buttons.press(button, ticketId.get(), presser, Channel.SLACK, names));
        if (answer.text() != null) {
            notes.tell(about, answer.text());
        }
    }

    private static Optional<Long> ticketId(String value) {
        if (value == null || !TICKET_ID.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }
}
