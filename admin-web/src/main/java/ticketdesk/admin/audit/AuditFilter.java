package ticketdesk.admin.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import ticketdesk.admin.web.BadQuery;
import ticketdesk.core.audit.EventType;

/**
 * The audit view's filters as typed: actor (id, name, email or "system"), event type, ticket, date range (UTC).
 * A value that names nothing known is a {@link BadQuery}, never a filter quietly dropped.
 */
public record AuditFilter(String actor, String type, String ticket, String from, String to) {

    /** The years a DATETIME holds and the panel accepts in a date or a cursor. */
    static final int FIRST_YEAR = 1970;
    static final int LAST_YEAR = 9999;

    static final List<String> TYPES = Arrays.stream(EventType.values()).map(EventType::db).toList();

    public static AuditFilter of(String actor, String type, String ticket, String from, String to) {
        return new AuditFilter(trim(actor), BadQuery.oneOf("event type", type, TYPES), digits(ticket),
                date("from", from), date("to", to));
    }

    Long ticketId() {
        return ticket.isEmpty() ? null : Long.parseLong(ticket);
    }

    LocalDateTime fromTime() {
        return from.isEmpty() ? null : LocalDate.parse(from).atStartOfDay();
    }

    /** Exclusive upper bound: the day after {@code to}; none after 9999-12-31, past what a DATETIME holds. */
    LocalDateTime untilTime() {
        LocalDate after = to.isEmpty() ? null : LocalDate.parse(to).plusDays(1);
        return after == null || after.getYear() > LAST_YEAR ? null : after.atStartOfDay();
    }

    static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    private static String digits(String value) {
        String v = trim(value).replaceFirst("^#", "");
        if (!v.isEmpty() && !v.matches("\\d{1,18}")) {
            throw new BadQuery("Ticket must be a ticket number, not \"" + value.trim() + "\"");
        }
        return v;
    }

    /**
     * A date in 1970..9999, so the bounds always fit a DATETIME, or "" for none given; a date outside those years is
     * refused like one that is no date, since reading it as "no bound" would widen the list to every event.
     */
    static String date(String name, String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadQuery("\"" + name + "\" must be a date like 2026-01-31, not \"" + value.trim() + "\"");
        }
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw new BadQuery("\"" + name + "\" cannot be \"" + value.trim() + "\": dates run from " + FIRST_YEAR
                    + "-01-01 to " + LAST_YEAR + "-12-31");
        }
        return date.toString();
    }
}
