package ticketdesk.bot.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import ticketdesk.bot.card.TicketWords;
import ticketdesk.core.Channel;
import ticketdesk.core.message.PostMessage;
import ticketdesk.core.message.PostResult;
import ticketdesk.core.message.PostingMessage;

/**
 * A person's reply in a ticket card's thread becomes a ticket message, its Slack markup made readable
 * ({@link SlackMarkup}). Core stores it once per Slack ts, so Slack's retries and repeated deliveries never
 * double it. A plain reply, one also sent to the channel ({@code thread_broadcast}), a {@code /me} reply
 * ({@code me_message}) and one with files ({@code file_share}: its text is added, and the person is told the
 * files are not) are replies; bot posts, edits and every other subtype are Bolt's, which acks them.
 *
 * <p>Read straight from the event's JSON: Bolt's event classes drop the thread of a {@code /me} reply and the
 * team of the person who wrote it.
 */
@Singleton
class ThreadReplies {

    private static final Set<String> REPLIES = Set.of("thread_broadcast", "file_share", "me_message");

    private final SlackPosts posts;
    private final SlackPeople people;
    private final PostingMessage posting;
    private final SlackNotes notes;
    private final TicketWords words;
    private final SlackMarkup markup;

    ThreadReplies(SlackPosts posts, SlackPeople people, PostingMessage posting, SlackNotes notes, TicketWords words,
                  SlackMarkup markup) {
        this.posts = posts;
        this.people = people;
        this.posting = posting;
        this.notes = notes;
        this.words = words;
        this.markup = markup;
    }

    /** The person's message in an Events API callback, or empty for any other event, which is Bolt's. */
    static Optional<ThreadMessage> read(JsonObject json) {
        JsonObject event = json == null || !"event_callback".equals(JsonFields.text(json, "type")) ? null
                : object(json, "event");
        if (event == null || !"message".equals(JsonFields.text(event, "type"))
                || JsonFields.text(event, "bot_id") != null) {
            return Optional.empty();
        }
        String subtype = JsonFields.text(event, "subtype");
        if (subtype != null && !REPLIES.contains(subtype)) {
            return Optional.empty();
        }
        String team = first(JsonFields.text(event, "user_team"), JsonFields.text(event, "team"),
                JsonFields.text(json, "team_id"));
        JsonElement files = event.get("files");
        boolean withFiles = "file_share".equals(subtype)
                || files != null && files.isJsonArray() && !((JsonArray) files).isEmpty();
        return Optional.of(new ThreadMessage(JsonFields.text(event, "channel"), JsonFields.text(event, "user"), team,
                JsonFields.text(event, "thread_ts"), JsonFields.text(event, "ts"), JsonFields.text(event, "text"),
                withFiles));
    }

    void reply(ThreadMessage message) {
        String text = message.text() == null && message.withFiles() ? "" : message.text();
        if (message.user() == null || message.threadTs() == null || message.threadTs().equals(message.ts())
                || text == null) {
            return;
        }
        Optional<Long> ticketId = posts.ticketAt(message.channel(), message.threadTs());
        if (ticketId.isEmpty()) {
            return;
        }
        Where where = new Where(ticketId.get(), message.channel(), message.user(), null);
        SlackPeople.Answer answer = people.act(new SlackPeople.Person(message.user(), message.user(), message.team()),
                where, sender -> add(ticketId.get(), sender.id(), message, text));
        if (answer.text() != null) {
            notes.tell(where, answer.text());
        }
    }

    private Optional<String> add(long ticketId, long senderId, ThreadMessage message, String text) {
        String notCopied = "The file you shared was not added to ticket #" + ticketId
                + ": ticketdesk does not copy files from Slack.";
        if (message.withFiles() && text.isBlank()) {
            return Optional.of(notCopied);
        }
        PostResult result = posting.post(new PostMessage(ticketId, senderId, markup.readable(text), Channel.SLACK,
                message.ts()));
        if (result instanceof PostResult.Refused refused) {
            return Optional.of("Your reply was not added to ticket #" + ticketId + ": "
                    + words.refusal(refused.refusal()));
        }
        boolean added = result instanceof PostResult.Posted;
        return message.withFiles() && added ? Optional.of(notCopied + " Your text was added.") : Optional.empty();
    }

    private static JsonObject object(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value != null && value.isJsonObject() ? value.getAsJsonObject() : null;
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
