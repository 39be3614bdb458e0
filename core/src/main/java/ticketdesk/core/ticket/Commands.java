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
}
