package ticketdesk.admin.audit;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/** The CSV export of one filter of the ticket events, streamed page by page (see {@link CsvPages}). */
final class AuditCsv {

    static final List<String> HEADER = List.of("event_id", "time_utc", "ticket_id", "ticket_title", "actor_id",
            "actor", "event", "from_status", "to_status", "field", "old_value", "new_value", "channel");

    private AuditCsv() {
    }

    static InputStream of(AuditQueries queries, AuditFilter filter) {
        return new CsvPages<>(HEADER, (after, limit) -> queries.exportPage(filter, after, limit), AuditCsv::cells,
                AuditRow::cursor);
    }

    static List<String> cells(AuditRow row) {
        return Arrays.asList(Long.toString(row.id()), row.createdAt().toString(),
                Long.toString(row.ticketId()), row.ticketTitle(), row.actorId() == null ? "" : row.actorId().toString(),
                row.actorName(), row.eventType(), row.fromStatus(), row.toStatus(), row.field(), row.oldValue(),
                row.newValue(), row.channel());
    }
}
