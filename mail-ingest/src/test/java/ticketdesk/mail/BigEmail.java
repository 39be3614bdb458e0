package ticketdesk.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * A big email written straight to a file (never whole in the test's heap either): a text part and attachments of
 * pseudo-random bytes, base64 as mail clients send them, with the SHA-256 of each attachment for comparing what
 * the database kept.
 */
public final class BigEmail {

    /** An attachment as sent: its name, size and SHA-256 (hex, lower case). */
    public record File(String name, long size, String sha256) {
    }

    private final Path path;
    private final List<File> files;

    private BigEmail(Path path, List<File> files) {
        this.path = path;
        this.files = files;
    }

    public static BigEmail write(Path path, String headers, String text, long... attachmentSizes) {
        List<File> files = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(path)) {
            write(out, headers + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"big-1\"\n\n"
                    + "--big-1\nContent-Type: text/plain; charset=utf-8\n\n" + text + "\n");
            for (int i = 0; i < attachmentSizes.length; i++) {
                String name = "scan-" + (i + 1) + ".pdf";
                write(out, "--big-1\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\""
                        + name + "\"\nContent-Transfer-Encoding: base64\n\n");
                files.add(new File(name, attachmentSizes[i], attachment(out, attachmentSizes[i], i)));
                write(out, "\n");
            }
            write(out, "--big-1--\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BigEmail(path, List.copyOf(files));
    }

    public Path path() {
        return path;
    }

    public long size() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<File> files() {
        return files;
    }

    private static String attachment(OutputStream out, long size, int seed) throws IOException {
        MessageDigest sha = sha256();
        OutputStream encoder = Base64.getMimeEncoder().wrap(new NotClosing(out));
        try (DigestOutputStream digesting = new DigestOutputStream(encoder, sha)) {
            Random random = new Random(seed);
            byte[] chunk = new byte[64 * 1024];
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                digesting.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets the base64 encoder finish its last line without closing the file it writes to. */
    private static final class NotClosing extends java.io.FilterOutputStream {
        NotClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
