package ticketdesk.admin.audit;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * A CSV export as a stream: rows are fetched a page at a time (keyset, newest first) as the client reads, so an
 * export of a million events never sits in memory.
 */
final class CsvPages<R> extends InputStream {

    /** The next page of rows after {@code after} (null: from the newest). */
    interface Source<R> {
        List<R> page(Cursor after, int limit);
    }

    private static final int PAGE = 1000;

    private final Source<R> source;
    private final Function<R, List<String>> cells;
    private final Function<R, Cursor> position;
    private Cursor cursor;
    private boolean exhausted;
    private byte[] buffer;
    private int offset;

    CsvPages(List<String> header, Source<R> source, Function<R, List<String>> cells, Function<R, Cursor> position) {
        this.source = source;
        this.cells = cells;
        this.position = position;
        this.buffer = Csv.line(header).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        return buffer[offset++] & 0xff;
    }

    @Override
    public int read(byte[] target, int at, int length) {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, buffer.length - offset);
        System.arraycopy(buffer, offset, target, at, n);
        offset += n;
        return n;
    }

    private boolean fill() {
        while (offset >= buffer.length) {
            if (exhausted) {
                return false;
            }
            List<R> rows = source.page(cursor, PAGE);
            exhausted = rows.size() < PAGE;
            StringBuilder chunk = new StringBuilder();
            for (R row : rows) {
                chunk.append(Csv.line(cells.apply(row)));
                cursor = position.apply(row);
            }
            buffer = chunk.toString().getBytes(StandardCharsets.UTF_8);
            offset = 0;
        }
        return true;
    }
}
