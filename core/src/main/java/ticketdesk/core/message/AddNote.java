package ticketdesk.core.message;

import io.micronaut.core.annotation.Nullable;
import ticketdesk.core.Channel;

/**
 * An internal note on a ticket, for responders and admins only. {@code externalId} is the channel's own id for
 * it when it has one: the same (channel, externalId) is stored once however often it arrives.
 */
public record AddNote(long ticketId, long authorId, String body, Channel channel, @Nullable String externalId) {
}
