package ticketdesk.bot.card;

import ticketdesk.core.user.User;

/**
 * How a chat platform writes people and people's words: a Slack mention when linked, otherwise the display
 * name; {@link #text} makes typed text (titles, message bodies) safe to show there.
 */
@FunctionalInterface
public interface Names {

    String of(User user);

    default String text(String typed) {
        return typed;
    }

    Names PLAIN = User::displayName;
}
