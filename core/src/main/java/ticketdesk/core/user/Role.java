package ticketdesk.core.user;

import java.util.Locale;

public enum Role {
    EMPLOYEE, RESPONDER, ADMIN;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromDb(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /** Responders and admins work tickets; employees only open and follow their own. */
    public boolean canWorkTickets() {
        return this != EMPLOYEE;
    }
}
