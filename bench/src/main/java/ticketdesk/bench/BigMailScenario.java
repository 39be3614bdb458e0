package ticketdesk.bench;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * The largest emails the service takes, all at once, on the shipped 128 MB heap (app/jvm.options): three messages
 * of 29.8 MB (three 7.25 MB scans each) put in the IMAP mailbox and posted to {@code POST /mail/inbound} at the same
 * moment, while {@code /ticket} runs at 50 requests/s. Every message must land once with its scans byte for byte,
 * and the instance must stay up; the heap and resident memory at their peaks are reported.
 */
final class BigMailScenario {

    private static final String MAILBOX_PASSWORD = "bench-imap";
    private static final String SENDER = "pat.scanner@bench.example";
    private static final int MAILS = 3;

    private final Bench.Options options;

    BigMailScenario(Bench.Options options) {
        this.options = options;
    }

    void run(Report report) {
        GreenMail imap = new GreenMail(new ServerSetup(AppInstance.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP))
                .withConfiguration(GreenMailConfiguration.aConfig());
        imap.start();
        Path dir = tempDir();
        try (Stack stack = Stack.create("td_bench_bigmail", options.logDir())) {
            GreenMailUser mailbox = imap.setUser(Stack.SUPPORT_ADDRESS, Stack.SUPPORT_ADDRESS, MAILBOX_PASSWORD);
            // MariaDB's own driver, as the README says for MariaDB: MySQL Connector/J copies each stored file into
            // its packet buffer several times over
            AppInstance app = stack.launch("bigmail", Stack.jvmArgs(), Map.of(
                    "DATASOURCES_DEFAULT_URL", stack.db.appUrl().replaceFirst("^jdbc:mysql:", "jdbc:mariadb:"),
                    "MAIL_IMAP_HOST", "127.0.0.1",
                    "MAIL_IMAP_PORT", Integer.toString(imap.getImap().getPort()),
                    "MAIL_IMAP_USER", Stack.SUPPORT_ADDRESS,
                    "MAIL_IMAP_PASSWORD", MAILBOX_PASSWORD,
                    "MAIL_IMAP_POLL_INTERVAL", "2s"));
            stack.db.user("Pat Scanner", SENDER, "employee", null);
            List<BigMails.BigMail> mails = new ArrayList<>();
            for (int n = 1; n <= MAILS; n++) {
                mails.add(BigMails.write(dir, SENDER, n));
            }
            List<byte[]> commands = slashCommands(stack, app, 50 * options.scale(60, 30));
            try (HeapSampler memory = new HeapSampler(app)) {
                CompletableFuture<OpenLoop.Result> slash = CompletableFuture.supplyAsync(() ->
                        OpenLoop.runRaw(app.uri("/"), 50, commands, 16, a -> a.status() == 200));
                AppInstance.sleep(3_000);
                long start = System.nanoTime();
                List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
                for (BigMails.BigMail mail : mails) {
                    deliver(mailbox, mail);
                    posts.add(CompletableFuture.supplyAsync(() -> BigMails.post(stack.http, app, mail)));
                }
                boolean landed = Flows.eventually(Duration.ofMinutes(3),
                        () -> mails.stream().allMatch(m -> BigMails.landed(stack.db, m)));
                double seconds = (System.nanoTime() - start) / 1e9;
                long ok = posts.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200).count();
                OpenLoop.Result r = slash.join();
                long count = mails.stream().filter(m -> BigMails.landed(stack.db, m)).count();
                report(report, app, memory, count, ok, seconds, landed, r);
            }
        } finally {
            imap.stop();
            deleteAll(dir);
        }
    }

    private static void report(Report report, AppInstance app, HeapSampler memory, long landed, long postsOk,
                               double seconds, boolean all, OpenLoop.Result slash) {
        boolean alive = app.isAlive();
        report.add("bigmail", "3 x 29.8 MB emails via IMAP and POST at once: landed with scans byte for byte / instance"
                + " alive", landed + " / " + (alive ? "yes" : "NO"), "3 / yes", landed == MAILS && alive);
        report.info("bigmail", "POST /mail/inbound answered 200", postsOk + " of " + MAILS);
        report.info("bigmail", "seconds until all landed", all ? String.format("%.1f s", seconds) : "not all");
        report.add("bigmail", "/ticket @50/s meanwhile: errors / sent", slash.errors() + " / " + slash.sent(), "0",
                slash.errors() == 0);
        report.info("bigmail", "/ticket @50/s meanwhile: p99", Report.ms(slash.percentileMillis(99)));
        report.info("bigmail", "heap in use, peak (young + old, sampled every 250 ms; limit 128 MB)",
                String.format("%.0f MiB", memory.heapPeakMiB()));
        report.info("bigmail", "old generation in use, peak", String.format("%.0f MiB", memory.oldPeakMiB()));
        report.info("bigmail", "RSS peak", String.format("%.0f MiB", memory.rssPeakMiB()));
    }

    private static List<byte[]> slashCommands(Stack stack, AppInstance app, int total) {
        List<byte[]> commands = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            commands.add(RawHttp.slackEvent(app.uri("/"), stack.slackRequests.signedSlashCommand(
                    Flows.employee(i % 50), "scanner on floor " + (i % 9) + " is jammed")));
        }
        return commands;
    }

    /** Puts the message in the mailbox as an MTA would (GreenMail keeps it in the harness's heap, not the app's). */
    private static void deliver(GreenMailUser mailbox, BigMails.BigMail mail) {
        try (InputStream in = Files.newInputStream(mail.file())) {
            mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()), in));
        } catch (Exception e) {
            throw new IllegalStateException("GreenMail did not take " + mail.file(), e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("td-bench-bigmail");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteAll(Path dir) {
        try (var files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary directory
        }
    }
}
