package ticketdesk.bot.slack;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import ticketdesk.bot.card.Names;
import ticketdesk.core.user.Platform;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

/**
 * Names people the Slack way: {@code <@U123>} (shown as @alice) when linked, the display name otherwise.
 * Whose Slack id is whose is remembered for a minute: every losing click of a claim storm names the same
 * holder, and a lookup per name was a fifth of the database statements of such a click. A Slack id an admin
 * links or unlinks shows in names within that minute; who may act is never decided from here.
 */
@Singleton
public class SlackNames implements Names {

    static final long REMEMBERED_NANOS = 60_000_000_000L;
    private static final int MAX_REMEMBERED = 10_000;

    private record SlackId(String id, long until) {
    }

    private final UserDirectory users;
    private final ConcurrentHashMap<Long, SlackId> slackIds = new ConcurrentHashMap<>();

    SlackNames(UserDirectory users) {
        this.users = users;
    }

    @Override
    public String of(User user) {
        return slackIdOf(user.id()).map(id -> "<@" + id + ">").orElseGet(() -> SlackText.escape(user.displayName()));
    }

    @Override
    public String text(String typed) {
        return SlackText.escape(typed);
    }

    private Optional<String> slackIdOf(long userId) {
        long now = System.nanoTime();
        SlackId known = slackIds.get(userId);
        if (known != null && now - known.until() < 0) {
            return Optional.ofNullable(known.id());
        }
        Optional<String> id = users.identityOf(userId, Platform.SLACK);
        if (slackIds.size() >= MAX_REMEMBERED) {
            slackIds.clear();
        }
        slackIds.put(userId, new SlackId(id.orElse(null), now + REMEMBERED_NANOS));
        return id;
    }
}
