package ticketdesk.core.audit;

import java.util.Locale;

/** What happened to a ticket. Stored lower-case in {@code ticket_events.event_type}. */
public enum EventType {
    CREATED, CLAIMED, DECLINED, RELEASED, RESOLVED, REOPENED, CANCELLED, MESSAGE, RETURNED_TO_POOL,
    ALL_DECLINED,
    /** One field changed: {@code field}, {@code old_value}, {@code new_value}. */
    CHANGED,
    /** The holder (or an admin) gave the ticket to another responder: {@code responder_id} old and new. */
    HANDED_OVER,
    /** An admin gave a pending ticket to a responder. */
    ASSIGNED,
    /** An admin took a claimed ticket from its holder for themselves. */
    TAKEN_OVER,
    /** An internal note: {@code message_id} in {@code new_value}. */
    NOTE;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventType fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
