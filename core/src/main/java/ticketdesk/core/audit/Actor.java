package ticketdesk.core.audit;

import io.micronaut.core.annotation.Nullable;
import ticketdesk.core.Channel;

/**
 * Who made a change, for its audit row: the user ({@code null}: the system, or nobody known, as for a failed
 * sign-in), the channel it came through, and the client's address where it came over HTTP.
 */
public record Actor(@Nullable Long userId, Channel channel, @Nullable String address) {

    public static Actor system() {
        return new Actor(null, Channel.SYSTEM, null);
    }

    public static Actor of(@Nullable Long userId, Channel channel) {
        return new Actor(userId, channel, null);
    }
}
