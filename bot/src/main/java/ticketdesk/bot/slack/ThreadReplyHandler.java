package ticketdesk.bot.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import jakarta.inject.Singleton;
import java.util.Optional;
import ticketdesk.bot.card.TicketWords;
import ticketdesk.core.Channel;
import ticketdesk.core.message.PostMessage;
import ticketdesk.core.message.PostResult;
import ticketdesk.core.message.PostingMessage;

/**
 * A reply in a ticket card's thread becomes a ticket message. Core stores it once per Slack ts, so Slack's
 * retries ({@code X-Slack-Retry-Num}) and repeated deliveries never double it. Bot messages and edits
 * (anything with a subtype or a bot id) are ignored, so our own thread posts never loop back. A reply also
 * sent to the channel arrives as its own subtype ({@code thread_broadcast}) and is a reply all the same; so
 * does a reply with a file ({@code file_share}): its text is added, and the person is told the file is not.
 */
@Singleton
class ThreadReplyHandler implements BoltEventHandler<MessageEvent> {

    private final SlackPosts posts;
    private final SlackPeople people;
    private final PostingMessage posting;
    private final SlackNotes notes;
    private final TicketWords words;

    ThreadReplyHandler(SlackPosts posts, SlackPeople people, PostingMessage posting, SlackNotes notes,
                       TicketWords words) {
        this.posts = posts;
        this.people = people;
        this.posting = posting;
        this.notes = notes;
        this.words = words;
    }

    @Override
    public Response apply(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
        MessageEvent event = payload.getEvent();
        if (event != null && event.getSubtype() == null && event.getBotId() == null) {
            reply(event.getChannel(), event.getUser(), event.getThreadTs(), event.getTs(), event.getText(), false);
        }
        return ctx.ack();
    }

    /** A reply with files: ticketdesk does not fetch files from Slack, so it says so rather than lose them quietly. */
    BoltEventHandler<MessageFileShareEvent> fileShares() {
        return (payload, ctx) -> {
            MessageFileShareEvent event = payload.getEvent();
            if (event != null) {
                reply(event.getChannel(), event.getUser(), event.getThreadTs(), event.getTs(),
                        event.getText() == null ? "" : event.getText(), true);
            }
            return ctx.ack();
        };
    }

    /** "Also send to #channel": Slack gives the reply its own subtype, and Bolt its own event class. */
    BoltEventHandler<MessageThreadBroadcastEvent> broadcasts() {
        return (payload, ctx) -> {
            MessageThreadBroadcastEvent event = payload.getEvent();
            if (event != null) {
                reply(event.getChannel(), event.getUser(), event.getThreadTs(), event.getTs(), event.getText(),
                        false);
            }
            return ctx.ack();
        };
    }

    private void reply(String channel, String user, String threadTs, String ts, String text, boolean withFiles) {
        if (user == null || threadTs == null || threadTs.equals(ts) || text == null) {
            return;
        }
        Optional<Long> ticketId = posts.ticketAt(channel, threadTs);
        if (ticketId.isEmpty()) {
            return;
        }
        Where where = new Where(ticketId.get(), channel, user, null);
        SlackPeople.Answer answer = people.act(user, user, where, sender -> {
            String notCopied = "The file you shared was not added to ticket #" + ticketId.get()
                    + ": ticketdesk does not copy files from Slack.";
            if (withFiles && text.isBlank()) {
                return Optional.of(notCopied);
            }
            PostResult result = posting.post(new PostMessage(ticketId.get(), sender.id(),
                    SlackText.unescape(text), Channel.SLACK, ts));
            if (result instanceof PostResult.Refused refused) {
                return Optional.of("Your reply was not added to ticket #" + ticketId.get() + ": "
                        + words.refusal(refused.refusal()));
            }
            boolean added = result instanceof PostResult.Posted;
            return withFiles && added ? Optional.of(notCopied + " Your text was added.") : Optional.empty();
        });
        if (answer.text() != null) {
            notes.tell(where, answer.text());
        }
    }
}
