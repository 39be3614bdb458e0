package ticketdesk.core.audit;

import java.util.Locale;

/** What happened to a ticket. Stored lower-case in {@code ticket_events.event_type}. */
public enum EventType {
    CREATED, CLAIMED, DECLINED, RELEASED, RESOLVED, REOPENED, CANCELLED, MESSAGE, RETURNED_TO_POOL,
    ALL_DECLINED;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventType fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
