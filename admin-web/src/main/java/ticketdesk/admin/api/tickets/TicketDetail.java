package ticketdesk.admin.api.tickets;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import ticketdesk.admin.api.UserRef;

/** A ticket with its messages (internal notes only for responders and admins) and its whole timeline. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record TicketDetail(TicketView ticket, List<MessageView> messages, List<EventView> timeline) {

    /** A message: {@code type} is {@code direct}, or {@code note} for an internal note. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Serdeable
    public record MessageView(long id, String type, UserRef sender, String body, String channel, Instant createdAt) {
    }

    /** One audit event of the ticket, as stored. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Serdeable
    public record EventView(long id, String type, UserRef actor, String fromStatus, String toStatus, String field,
                            String oldValue, String newValue, String channel, Instant createdAt) {
    }
}
