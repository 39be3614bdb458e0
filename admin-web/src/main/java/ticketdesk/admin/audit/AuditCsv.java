package ticketdesk.admin.audit;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The CSV export of one audit filter as a stream: rows are fetched a page at a time (keyset, newest first) as the
 * client reads, so an export of a million events never sits in memory.
 */
final class AuditCsv extends InputStream {

    static final List<String> HEADER = List.of("event_id", "time_utc", "ticket_id", "ticket_title", "actor_id",
            "actor", "event", "from_status", "to_status", "field", "old_value", "new_value", "channel");
    private static final int PAGE = 1000;

    private final AuditQueries queries;
    private final AuditFilter filter;
    private Cursor cursor;
    private boolean exhausted;
    private byte[] buffer;
    private int position;

    AuditCsv(AuditQueries queries, AuditFilter filter) {
        this.queries = queries;
        this.filter = filter;
        this.buffer = Csv.line(HEADER).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, buffer.length - position);
        System.arraycopy(buffer, position, target, offset, n);
        position += n;
        return n;
    }

    private boolean fill() {
        while (position >= buffer.length) {
            if (exhausted) {
                return false;
            }
            List<AuditRow> rows = queries.exportPage(filter, cursor, PAGE);
            exhausted = rows.size() < PAGE;
            StringBuilder chunk = new StringBuilder();
            for (AuditRow row : rows) {
                chunk.append(Csv.line(cells(row)));
                cursor = row.cursor();
            }
            buffer = chunk.toString().getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        return true;
    }

    static List<String> cells(AuditRow row) {
        return java.util.Arrays.asList(Long.toString(row.id()), row.createdAt().toString(),
                Long.toString(row.ticketId()), row.ticketTitle(), row.actorId() == null ? "" : row.actorId().toString(),
                row.actorName(), row.eventType(), row.fromStatus(), row.toStatus(), row.field(), row.oldValue(),
                row.newValue(), row.channel());
    }
}
