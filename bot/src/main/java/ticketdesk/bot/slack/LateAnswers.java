package ticketdesk.bot.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import ticketdesk.bot.command.ChatDesk;

/**
 * A handler's answer that came after Slack already had its plain ack. What it would have shown (a slash
 * command's text, the problems of a refused "new ticket" form, which Slack has closed by now) reaches the
 * person as a {@link SlackNotes note} instead of being lost.
 */
@Singleton
class LateAnswers {

    private final SlackNotes notes;

    LateAnswers(SlackNotes notes) {
        this.notes = notes;
    }

    void tell(Request<?> request, Response response) {
        Optional<JsonObject> body = json(response);
        if (body.isEmpty()) {
            return;
        }
        if (request instanceof SlashCommandRequest command) {
            SlashCommandPayload payload = command.getPayload();
            String text = JsonFields.text(body.get(), "text");
            if (text != null) {
                notes.tell(new Where(null, payload.getChannelId(), payload.getUserId(), payload.getResponseUrl()),
                        text);
            }
        } else if (request instanceof ViewSubmissionRequest submission && isNewTicketForm(submission)) {
            formErrors(body.get()).ifPresent(errors -> notes.tell(
                    NewTicketSubmissionHandler.where(submission.getPayload()), ChatDesk.NOT_OPENED + errors));
        }
    }

    private static boolean isNewTicketForm(ViewSubmissionRequest submission) {
        var view = submission.getPayload().getView();
        return view != null && NewTicketForm.CALLBACK_ID.equals(view.getCallbackId());
    }

    /** The field problems of a {@code response_action: errors} answer, as one text. */
    private static Optional<String> formErrors(JsonObject body) {
        if (!"errors".equals(JsonFields.text(body, "response_action")) || !body.has("errors")
                || !body.get("errors").isJsonObject()) {
            return Optional.empty();
        }
        String errors = body.getAsJsonObject("errors").entrySet().stream().map(Map.Entry::getValue)
                .filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsString)
                .collect(Collectors.joining(" "));
        return errors.isBlank() ? Optional.empty() : Optional.of(errors);
    }

    private static Optional<JsonObject> json(Response response) {
        try {
            JsonElement body = JsonParser.parseString(response.getBody());
            return body.isJsonObject() ? Optional.of(body.getAsJsonObject()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
