package ticketdesk.admin.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The database's UTC times as the instants the API writes ({@code 2026-01-31T09:15:00Z}). */
public final class Times {

    private Times() {
    }

    public static Instant of(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
