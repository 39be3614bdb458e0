package ticketdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, points 4 and 7, on the packaged jar with the flags of app/jvm.options and a heap cut to {@value #HEAP}:
 * a 29.8 MB email through {@code POST /mail/inbound} and another through IMAP each land with their three scans
 * stored byte for byte, and the instance lives. A message or attachment held whole in the heap, or copied there,
 * runs this heap out (the JVM exits on OutOfMemoryError); a body buffered by the HTTP server is answered 413.
 */
class BigMailLandsTest {

    static final String HEAP = "-Xmx80m";
    private static final String PASSWORD = "big-imap";
    private static final String SENDER = "pat.scanner@bench.example";

    @TempDir static Path dir;
    private static GreenMail imap;
    private static Stack stack;
    private static AppInstance app;
    private static GreenMailUser mailbox;

    @BeforeAll
    static void startTheJarWithASmallHeap() {
        imap = new GreenMail(new ServerSetup(AppInstance.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP))
                .withConfiguration(GreenMailConfiguration.aConfig());
        imap.start();
        mailbox = imap.setUser(Stack.SUPPORT_ADDRESS, Stack.SUPPORT_ADDRESS, PASSWORD);
        stack = Stack.create("td_bigmail", Path.of("target", "big-mail-logs").toAbsolutePath());
        List<String> flags = new ArrayList<>(AppInstance.shippedFlags());
        flags.add(HEAP);
        app = stack.launch("big-mail", flags, Map.of(
                "DATASOURCES_DEFAULT_URL", stack.db.appUrl().replaceFirst("^jdbc:mysql:", "jdbc:mariadb:"),
                "MAIL_IMAP_HOST", "127.0.0.1",
                "MAIL_IMAP_PORT", Integer.toString(imap.getImap().getPort()),
                "MAIL_IMAP_USER", Stack.SUPPORT_ADDRESS,
                "MAIL_IMAP_PASSWORD", PASSWORD,
                "MAIL_IMAP_POLL_INTERVAL", "1s"));
        stack.db.user("Pat Scanner", SENDER, "employee", null);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (imap != null) {
            imap.stop();
        }
    }

    @Test
    void aThirtyMegabyteEmailPostedToTheWebhookLandsWithItsScansByteForByte() {
        BigMails.BigMail mail = BigMails.write(dir, SENDER, 1);
        assertThat(mail.size()).isBetween(29 * BigMails.MB, 30 * BigMails.MB);

        HttpResponse<String> answer = BigMails.post(stack.http, app, mail);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"outcome\":\"opened_ticket\"");
        assertThat(BigMails.landed(stack.db, mail)).isTrue();
        assertThat(app.isAlive()).as(app.logTail()).isTrue();
    }

    @Test
    void aThirtyMegabyteEmailReadOverImapLandsWithItsScansByteForByte() throws Exception {
        BigMails.BigMail mail = BigMails.write(dir, SENDER, 2);
        try (InputStream in = Files.newInputStream(mail.file())) {
            mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()), in));
        }

        Flows.await("the IMAP message to land", Duration.ofSeconds(90),
                () -> BigMails.landed(stack.db, mail) || !app.isAlive());

        assertThat(app.isAlive()).as(app.logTail()).isTrue();
        assertThat(BigMails.landed(stack.db, mail)).isTrue();
    }
}
