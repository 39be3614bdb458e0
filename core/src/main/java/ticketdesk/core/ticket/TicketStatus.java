package ticketdesk.core.ticket;

import java.util.Locale;

public enum TicketStatus {
    PENDING, IN_PROCESS, DONE, CANCELLED;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TicketStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean isOpen() {
        return this == PENDING || this == IN_PROCESS;
    }
}
