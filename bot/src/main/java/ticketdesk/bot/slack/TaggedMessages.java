package ticketdesk.bot.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds a message ticketdesk tagged with Slack message metadata ({@code event_type} and {@code event_payload})
 * in a channel's history, so a message whose ts was lost (the instance died while Slack answered) is adopted
 * rather than posted again.
 */
@Singleton
class TaggedMessages {

    private static final int MAX_PAGES = 10;

    private final SlackWeb web;

    TaggedMessages(SlackWeb web) {
        this.web = web;
    }

    /**
     * The ts of the newest message in {@code channel} (not in a thread) since {@code oldest} whose metadata
     * has {@code tag}'s event type and payload ({@code conversations.history}, at most 10 pages of 200).
     */
    Optional<String> find(String channel, Instant oldest, JsonObject tag) {
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("channel", channel);
            form.put("oldest", oldest.getEpochSecond() + ".000000");
            form.put("inclusive", "true");
            form.put("limit", "200");
            form.put("include_all_metadata", "true");
            SlackWeb.put(form, "cursor", cursor);
            JsonObject answer = web.call("conversations.history", form);
            Optional<String> found = tagged(answer.get("messages"), tag);
            JsonElement next = answer.get("response_metadata");
            cursor = next != null && next.isJsonObject() ? JsonFields.text(next.getAsJsonObject(), "next_cursor")
                    : null;
            if (found.isPresent() || cursor == null || cursor.isBlank()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> tagged(JsonElement messages, JsonObject tag) {
        if (messages == null || !messages.isJsonArray()) {
            return Optional.empty();
        }
        for (JsonElement message : messages.getAsJsonArray()) {
            JsonElement metadata = message.isJsonObject() ? message.getAsJsonObject().get("metadata") : null;
            if (metadata != null && metadata.isJsonObject() && same(metadata.getAsJsonObject(), tag)) {
                return Optional.ofNullable(JsonFields.text(message.getAsJsonObject(), "ts"));
            }
        }
        return Optional.empty();
    }

    /** The same event type, and each field of the tag's payload with the same text (42 and "42" alike). */
    private static boolean same(JsonObject metadata, JsonObject tag) {
        JsonElement payload = metadata.get("event_payload");
        if (!Objects.equals(JsonFields.text(metadata, "event_type"), JsonFields.text(tag, "event_type"))
                || payload == null || !payload.isJsonObject()) {
            return false;
        }
        JsonObject wanted = tag.getAsJsonObject("event_payload");
        return wanted.keySet().stream().allMatch(key -> Objects.equals(
                JsonFields.text(payload.getAsJsonObject(), key), JsonFields.text(wanted, key)));
    }
}
