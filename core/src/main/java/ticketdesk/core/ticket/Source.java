package ticketdesk.core.ticket;

import java.util.Locale;
import ticketdesk.core.Channel;

/** Where a ticket was opened. */
public enum Source {
    SLACK, DISCORD, EMAIL, WEB, API;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Source fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Whether the person who opened it read the answer right where they typed it (a chat). */
    public boolean answeredWhereOpened() {
        return this == SLACK || this == DISCORD;
    }

    public Channel channel() {
        return Channel.valueOf(name());
    }
}
