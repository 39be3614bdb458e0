package ticketdesk.admin.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import ticketdesk.core.audit.EventType;

/** The audit view's filters as typed: actor (id, name, email or "system"), event type, ticket, date range (UTC). */
record AuditFilter(String actor, String type, String ticket, String from, String to) {

    private static final int FIRST_YEAR = 1970;
    private static final int LAST_YEAR = 9999;

    static final List<String> TYPES = Arrays.stream(EventType.values()).map(EventType::db).toList();

    static AuditFilter of(String actor, String type, String ticket, String from, String to) {
        String t = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
        return new AuditFilter(trim(actor), TYPES.contains(t) ? t : "", digits(ticket), date(from), date(to));
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

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    private static String digits(String value) {
        String v = trim(value).replaceFirst("^#", "");
        return v.matches("\\d{1,18}") ? v : "";
    }

    /** A date in 1970..9999, or "" (no bound) for anything else, so the bounds always fit a DATETIME. */
    private static String date(String value) {
        try {
            LocalDate date = value == null || value.isBlank() ? null : LocalDate.parse(value.trim());
            return date == null || date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR ? "" : date.toString();
        } catch (DateTimeParseException e) {
            return "";
        }
    }
}
