package ticketdesk.core.message;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import ticketdesk.core.Channel;

/**
 * A reply to a ticket from any channel. {@code externalId} is the channel's own id for it (a Slack
 * ts, an email Message-ID): the same (channel, externalId) is stored once however often it arrives.
 */
public record PostMessage(long ticketId, long senderId, String body, Channel channel, @Nullable String externalId,
                          List<Attachment> attachments) {

    public PostMessage(long ticketId, long senderId, String body, Channel channel, String externalId) {
        this(ticketId, senderId, body, channel, externalId, List.of());
    }
}
