package ticketdesk.core.audit;

import java.util.Locale;

/** What happened to a user account. Stored lower-case in {@code user_events.event_type}. */
public enum UserEventType {
    /** A chat identity (field: the platform, new value: the external id) now stands for the user. */
    IDENTITY_LINKED,
    /** A chat identity (old value) no longer stands for the user. */
    IDENTITY_UNLINKED,
    /** A first-time chat identity (new value) claimed the user's email and was not linked to the account. */
    IDENTITY_LINK_REFUSED;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UserEventType fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
