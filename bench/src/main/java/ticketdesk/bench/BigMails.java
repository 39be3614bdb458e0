package ticketdesk.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Emails of the documented maximum size, written to files (never whole in the harness's heap either): a text part
 * and three scans of 7.25 MB (under the 10 MB attachment limit), 29.8 MB in base64, each scan's SHA-256 kept to
 * check that the database holds it byte for byte.
 */
public final class BigMails {

    public static final long MB = 1024 * 1024;

    /** One big email on disk: its subject (the ticket's title) and the SHA-256 of each attachment. */
    public record BigMail(Path file, String subject, List<String> sha256s) {

        public long size() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private BigMails() {
    }

    public static BigMail write(Path dir, String from, int n) {
        String subject = "Scans of contract " + n;
        Path file = dir.resolve("big-" + n + ".eml");
        List<String> digests = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(file)) {
            text(out, "From: " + from + "\nTo: " + Stack.SUPPORT_ADDRESS + "\nSubject: " + subject
                    + "\nMessage-ID: <bench-big-" + n + "-" + System.nanoTime() + "@bench.example>\nMIME-Version: 1.0"
                    + "\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain; charset=UTF-8"
                    + "\n\nThe scanner's output is attached.\n");
            for (int i = 0; i < 3; i++) {
                text(out, "--b1\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"scan-"
                        + i + ".pdf\"\nContent-Transfer-Encoding: base64\n\n");
                digests.add(attachment(out, 29 * MB / 4, n * 10L + i));
                text(out, "\n");
            }
            text(out, "--b1--\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BigMail(file, subject, List.copyOf(digests));
    }

    /** Whether the mail opened its ticket with every attachment stored byte for byte. */
    public static boolean landed(Database db, BigMail mail) {
        long identical = 0;
        for (String sha : mail.sha256s()) {
            identical += db.count("SELECT COUNT(*) FROM message_attachments a JOIN messages m ON m.id = a.message_id"
                    + " JOIN tickets t ON t.id = m.ticket_id WHERE t.title = ? AND SHA2(a.content, 256) = ?",
                    mail.subject(), sha);
        }
        return identical == mail.sha256s().size()
                && db.count("SELECT COUNT(*) FROM tickets WHERE title = ?", mail.subject()) == 1;
    }

    /**
     * Posts the file to {@code POST /mail/inbound}, streamed from disk, as a relay does: again after a 503 (the same
     * message still being handled by the IMAP reader), at most for three minutes. Returns the last answer.
     */
    public static HttpResponse<String> post(HttpClient http, AppInstance app, BigMail mail) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        try {
            while (true) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(app.uri("/mail/inbound"))
                        .timeout(Duration.ofMinutes(3)).header("Content-Type", "message/rfc822")
                        .header("Authorization", "Bearer " + Stack.INBOUND_TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofFile(mail.file())).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 503 || System.nanoTime() > deadline) {
                    return answer;
                }
                AppInstance.sleep(2_000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String attachment(OutputStream out, long size, long seed) throws IOException {
        MessageDigest sha = sha256();
        OutputStream encoder = Base64.getMimeEncoder().wrap(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }
        });
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

    private static void text(OutputStream out, String text) throws IOException {
        out.write(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
