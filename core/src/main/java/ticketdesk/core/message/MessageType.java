package ticketdesk.core.message;

import java.util.Locale;

public enum MessageType {
    DIRECT, ALERT,
    /** Internal: for responders and admins, never shown or sent to the requester. */
    NOTE;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageType fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
