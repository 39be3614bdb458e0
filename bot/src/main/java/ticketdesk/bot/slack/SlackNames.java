package ticketdesk.bot.slack;

import jakarta.inject.Singleton;
import ticketdesk.bot.card.Names;
import ticketdesk.core.user.Platform;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

/** Names people the Slack way: {@code <@U123>} (shown as @alice) when linked, the display name otherwise. */
@Singleton
public class SlackNames implements Names {

    private final UserDirectory users;

    SlackNames(UserDirectory users) {
        this.users = users;
    }

    @Override
    public String of(User user) {
        return users.identityOf(user.id(), Platform.SLACK).map(id -> "<@" + id + ">")
                .orElseGet(() -> SlackText.escape(user.displayName()));
    }

    @Override
    public String text(String typed) {
        return SlackText.escape(typed);
    }
}
