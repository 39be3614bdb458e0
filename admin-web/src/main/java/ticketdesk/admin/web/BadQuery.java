package ticketdesk.admin.web;

import java.util.List;
import java.util.Locale;

/**
 * A list's query string names a filter value the panel does not know (an event type, a status, a date that is no
 * date). Answered with 400 and the reason, so a typo never silently widens a list or a CSV export to everything.
 */
public final class BadQuery extends RuntimeException {

    public BadQuery(String message) {
        super(message, null, false, false);
    }

    /** {@code value} trimmed and lower-cased if it is one of {@code allowed}, or "" for none given; else a BadQuery. */
    public static String oneOf(String name, String value, List<String> allowed) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!v.isEmpty() && !allowed.contains(v)) {
            throw new BadQuery("Unknown " + name + " \"" + value.trim() + "\"; known: " + String.join(", ", allowed));
        }
        return v;
    }
}
