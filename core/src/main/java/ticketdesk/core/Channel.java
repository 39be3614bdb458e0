package ticketdesk.core;

import java.util.Locale;

/** Where an action or a message came from, and where a notification goes. Stored lower-case. */
public enum Channel {
    SLACK, DISCORD, EMAIL, WEB, API, SMS, SYSTEM,
    /** An HTTP endpoint an admin registered for the audit events (outbox deliveries only). */
    WEBHOOK;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
