package ticketdesk.core.store;

import io.micronaut.transaction.TransactionOperations;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One BLOB value read a chunk at a time, each chunk ({@code SUBSTRING}) in a short read transaction of its own: a
 * file of many megabytes streams out without ever sitting whole in the heap (a driver reads a row's value whole),
 * and no connection is held while a slow client reads. The server reads the value again for each chunk, so chunks
 * are large: a 10 MB file is ten queries.
 */
public final class BlobChunks extends InputStream {

    public static final int CHUNK = 1024 * 1024;

    private final TransactionOperations<Connection> tx;
    private final String select;
    private final long id;
    private final long length;
    private long fetched;
    private byte[] chunk = new byte[0];
    private int offset;

    /**
     * The first {@code length} bytes of {@code column} in the row {@code id} of {@code table}; the names are the
     * code's own, never input.
     */
    public BlobChunks(TransactionOperations<Connection> tx, String table, String column, long id, long length) {
        this.tx = tx;
        this.select = "SELECT SUBSTRING(" + column + ", ?, ?) FROM " + table + " WHERE id = ?";
        this.id = id;
        this.length = length;
    }

    @Override
    public int read() throws IOException {
        return more() ? chunk[offset++] & 0xff : -1;
    }

    @Override
    public int read(byte[] target, int at, int count) throws IOException {
        if (count == 0) {
            return 0;
        }
        if (!more()) {
            return -1;
        }
        int n = Math.min(count, chunk.length - offset);
        System.arraycopy(chunk, offset, target, at, n);
        offset += n;
        return n;
    }

    private boolean more() throws IOException {
        while (offset >= chunk.length) {
            if (fetched >= length) {
                return false;
            }
            chunk = fetch(fetched + 1, (int) Math.min(CHUNK, length - fetched));
            offset = 0;
            fetched += chunk.length;
        }
        return true;
    }

    private byte[] fetch(long from, int count) throws IOException {
        byte[] bytes = tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(select)) {
                ps.setLong(1, from);
                ps.setInt(2, count);
                ps.setLong(3, id);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("chunk of " + select + " not read: " + e.getMessage(), e);
            }
        });
        if (bytes == null || bytes.length == 0) {
            throw new IOException("the stored file ended after " + (from - 1) + " of " + length + " bytes");
        }
        return bytes;
    }
}
