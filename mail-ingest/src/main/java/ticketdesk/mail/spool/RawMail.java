package ticketdesk.mail.spool;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import ticketdesk.core.message.Attachment;

/**
 * One raw message spooled to a private temporary directory while it is handled, beside the attachments decoded
 * from it, so a big message is read from disk part by part and never sits whole in the heap. Closing it deletes
 * them all.
 */
public final class RawMail implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final Path dir;
    private final Path file;
    private final long size;
    private final boolean complete;
    private int files;

    private RawMail(Path dir, Path file, long size, boolean complete) {
        this.dir = dir;
        this.file = file;
        this.size = size;
        this.complete = complete;
    }

    /** Copies at most {@code limit} bytes of {@code in}; {@link #complete()} tells whether that was all of it. */
    public static RawMail spool(InputStream in, long limit) throws IOException {
        Path dir = Files.createTempDirectory("ticketdesk-mail-");
        Path file = dir.resolve("raw.eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            Copied copied = copy(in, out, limit);
            return new RawMail(dir, file, copied.kept(), !copied.more());
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    /** A message already in memory (a small one, or a test's). */
    public static RawMail of(byte[] raw) {
        try {
            return spool(new ByteArrayInputStream(raw), raw.length);
        } catch (IOException e) {
            throw new UncheckedIOException("the temporary directory is not writable", e);
        }
    }

    /** The bytes kept: all of the message when {@link #complete()}, else its first {@code limit} bytes. */
    public long size() {
        return size;
    }

    /** False when the message was larger than the limit it was spooled with, and only its start was kept. */
    public boolean complete() {
        return complete;
    }

    public Path file() {
        return file;
    }

    /** Whether the header section ends within {@code max} bytes (or the message does): a bigger one is hostile. */
    public boolean headerEndsWithin(int max) throws IOException {
        try (InputStream in = open()) {
            int previous = -1;
            for (int i = 0, c; i < max && (c = in.read()) >= 0; i++) {
                if (c == '\n' && previous == '\n') {
                    return true;
                }
                previous = c == '\r' ? previous : c;
            }
            return size <= max;
        }
    }

    public InputStream open() throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), BUFFER);
    }

    /** What {@link #keep} wrote: the size of the whole input, and its content when it was no larger than allowed. */
    public record Kept(long size, Attachment.Content content) {
    }

    /**
     * Writes {@code in} to a new file of this spool when it has at most {@code max} bytes; a larger one is read to
     * its end (for its size) and dropped.
     */
    public Kept keep(InputStream in, long max) throws IOException {
        Path part = dir.resolve("part-" + (++files));
        Copied copied;
        try (OutputStream out = Files.newOutputStream(part)) {
            copied = copy(in, out, max);
        }
        if (!copied.more()) {
            return new Kept(copied.kept(), () -> new BufferedInputStream(Files.newInputStream(part), BUFFER));
        }
        Files.delete(part);
        long total = copied.kept() + 1; // copy() read one byte past the limit to know there was more
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
        }
        return new Kept(total, null);
    }

    @Override
    public void close() {
        delete(dir);
    }

    private record Copied(long kept, boolean more) {
    }

    private static Copied copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long kept = 0;
        while (kept < limit) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - kept));
            if (n < 0) {
                return new Copied(kept, false);
            }
            out.write(buffer, 0, n);
            kept += n;
        }
        return new Copied(kept, in.read() >= 0);
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is cleaned with the rest of the temporary files
        }
    }
}
