package ticketdesk.core.user;

import java.util.Locale;

/** A chat platform whose user ids we link to our users. */
public enum Platform {
    SLACK, DISCORD;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Platform fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
