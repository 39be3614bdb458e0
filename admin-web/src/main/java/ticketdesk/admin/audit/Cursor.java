package ticketdesk.admin.audit;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A keyset position in the audit log, newest first: the (created_at, id) of the last row shown. */
public record Cursor(LocalDateTime createdAt, long id) {

    public String token() {
        return createdAt + "_" + id;
    }

    /** The position a token names, or none (the newest page) for a crafted token or one past what a DATETIME holds. */
    public static Optional<Cursor> parse(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        int sep = token.lastIndexOf('_');
        try {
            LocalDateTime createdAt = LocalDateTime.parse(token.substring(0, sep));
            if (createdAt.getYear() < AuditFilter.FIRST_YEAR || createdAt.getYear() > AuditFilter.LAST_YEAR) {
                return Optional.empty();
            }
            return Optional.of(new Cursor(createdAt, Long.parseLong(token.substring(sep + 1))));
        } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
