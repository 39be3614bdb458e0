package ticketdesk.core.ticket;

import io.micronaut.core.annotation.Nullable;
import ticketdesk.core.Channel;

/** The commands adapters send to the ticket use cases. {@code channel} is where the person acted. */
public final class Commands {

    private Commands() {
    }

    public record OpenTicket(long requesterId, String title, @Nullable String description,
                             @Nullable Priority priority, @Nullable String category, Source source) {
    }

    public record ClaimTicket(long ticketId, long responderId, Channel channel) {
    }

    public record DeclineTicket(long ticketId, long responderId, Channel channel) {
    }

    public record ReleaseTicket(long ticketId, long actorId, Channel channel) {
    }

    public record ResolveTicket(long ticketId, long actorId, Channel channel) {
    }

    public record ReopenTicket(long ticketId, long actorId, Channel channel) {
    }

    public record CancelTicket(long ticketId, long actorId, Channel channel) {
    }

    /**
     * Change some of a ticket's fields: null leaves a field as it is; a blank description or category clears it.
     */
    public record ChangeTicket(long ticketId, long actorId, @Nullable String title, @Nullable String description,
                               @Nullable Priority priority, @Nullable String category, Channel channel) {
    }

    /** Give the ticket to {@code toUserId}: a hand-over by its holder or an admin, or an admin's take-over. */
    public record HandOverTicket(long ticketId, long actorId, long toUserId, Channel channel) {
    }
}
