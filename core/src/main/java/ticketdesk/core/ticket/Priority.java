package ticketdesk.core.ticket;

import java.util.Locale;
import java.util.Optional;

public enum Priority {
    LOW, MEDIUM, HIGH, URGENT;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Priority fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Lenient parse of what a person typed ("high", "URGENT"); empty when it is no priority. */
    public static Optional<Priority> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Priority p : values()) {
            if (p.name().equalsIgnoreCase(value.trim())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
