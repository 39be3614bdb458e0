package ticketdesk.admin.audit;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A keyset position in the audit log, newest first: the (created_at, id) of the last row shown. */
record Cursor(LocalDateTime createdAt, long id) {

    String token() {
        return createdAt + "_" + id;
    }

    static Optional<Cursor> parse(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        int sep = token.lastIndexOf('_');
        try {
            return Optional.of(new Cursor(LocalDateTime.parse(token.substring(0, sep)),
                    Long.parseLong(token.substring(sep + 1))));
        } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
