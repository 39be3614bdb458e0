package ticketdesk.bot.slack;

import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.model.event.Event;
import jakarta.inject.Singleton;

/**
 * Message events ticketdesk deliberately does nothing with: bot posts (including its own thread posts, so
 * nothing loops), edits and deletions. Acked quietly instead of Bolt's "no handler" warning.
 */
@Singleton
class IgnoredMessageHandler {

    <E extends Event> BoltEventHandler<E> forType() {
        return (payload, ctx) -> ctx.ack();
    }
}
