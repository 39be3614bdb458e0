package ticketdesk.core.user;

import java.util.Locale;
import ticketdesk.core.Channel;

/** A chat platform whose user ids we link to our users. */
public enum Platform {
    SLACK, DISCORD;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel actions from this platform come through. */
    public Channel channel() {
        return Channel.valueOf(name());
    }

    public static Platform fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
