package ticketdesk.bot.card;

import ticketdesk.core.user.User;

/**
 * How a chat platform writes people and people's words: a Slack mention when linked, otherwise the display
 * name; {@link #text} makes anything a person typed (titles, descriptions, categories, message bodies, display
 * names) safe to show there: every such field goes through it before it lands in a platform message.
 */
@FunctionalInterface
public interface Names {

    String of(User user);

    default String text(String typed) {
        return typed;
    }
}
