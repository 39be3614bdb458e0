package ticketdesk.bot.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import ticketdesk.core.ticket.OpeningTicket;
import ticketdesk.core.ticket.Priority;

/**
 * The "new ticket" modal that {@code /ticket} alone opens. {@code views.open} needs the command's trigger_id
 * within 3 s, so it is the one Web API call made outside the outbox, right after the ack. The command's
 * channel and response_url ride along in private_metadata so the submission can answer there.
 */
@Singleton
class NewTicketForm {

    static final String CALLBACK_ID = "ticketdesk_new_ticket";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String PRIORITY = "priority";
    static final String CATEGORY = "category";
    static final String VALUE = "value";

    private final SlackWeb web;
    private final SlackSettings settings;
    private final AfterAck afterAck;

    NewTicketForm(SlackWeb web, SlackSettings settings, AfterAck afterAck) {
        this.web = web;
        this.settings = settings;
        this.afterAck = afterAck;
    }

    /** Schedules the modal and returns the ack text (null: nothing to say). */
    String open(SlashCommandPayload payload) {
        if (!settings.canCallSlack()) {
            return SlackText.escape("The form needs SLACK_BOT_TOKEN, which is not configured; type `"
                    + payload.getCommand() + " <what is wrong>` instead.");
        }
        View view = modal(payload.getChannelId(), payload.getResponseUrl());
        afterAck.later(() -> web.openView(payload.getTriggerId(), view));
        return null;
    }

    static View modal(String channel, String responseUrl) {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("channel", channel);
        metadata.addProperty("responseUrl", responseUrl);
        List<OptionObject> priorities = Arrays.stream(Priority.values())
                .map(p -> option(plainText(p.db()), p.db())).toList();
        return view(v -> v.type("modal").callbackId(CALLBACK_ID).privateMetadata(metadata.toString())
                .title(viewTitle(t -> t.type("plain_text").text("New ticket")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Open")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        input(i -> i.blockId(TITLE).label(plainText("Title"))
                                .element(plainTextInput(p -> p.actionId(VALUE)
                                        .maxLength(Integer.valueOf(OpeningTicket.MAX_TITLE))))),
                        input(i -> i.blockId(DESCRIPTION).label(plainText("Description")).optional(true)
                                .element(plainTextInput(p -> p.actionId(VALUE).multiline(true)
                                        .maxLength(Integer.valueOf(3000))))),
                        input(i -> i.blockId(PRIORITY).label(plainText("Priority")).optional(true)
                                .element(staticSelect(s -> s.actionId(VALUE).options(priorities)
                                        .initialOption(priorities.get(Priority.MEDIUM.ordinal()))))),
                        input(i -> i.blockId(CATEGORY).label(plainText("Category")).optional(true)
                                .element(plainTextInput(p -> p.actionId(VALUE)
                                        .maxLength(Integer.valueOf(OpeningTicket.MAX_CATEGORY))))))));
    }

    /** Reads (channel, responseUrl) back from private_metadata; nulls when absent or unreadable. */
    static String[] metadata(String privateMetadata) {
        try {
            JsonObject json = JsonParser.parseString(privateMetadata).getAsJsonObject();
            return new String[] {text(json, "channel"), text(json, "responseUrl")};
        } catch (RuntimeException e) {
            return new String[] {null, null};
        }
    }

    private static String text(JsonObject json, String key) {
        return json.has(key) && !json.get(key).isJsonNull() ? json.get(key).getAsString() : null;
    }

    static String fieldOf(String refusalMessage) {
        String lower = refusalMessage.toLowerCase(Locale.ROOT);
        if (lower.startsWith("the description")) {
            return DESCRIPTION;
        }
        return lower.startsWith("the category") ? CATEGORY : TITLE;
    }
}
