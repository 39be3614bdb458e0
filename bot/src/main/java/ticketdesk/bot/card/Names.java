package ticketdesk.bot.card;

import ticketdesk.core.user.User;

/** How a chat platform names a person in text: a Slack mention when linked, otherwise the display name. */
@FunctionalInterface
public interface Names {

    String of(User user);

    Names PLAIN = User::displayName;
}
