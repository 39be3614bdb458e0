package ticketdesk.bench;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * The largest email the service meets: a 27 MB message (a 20 MB attachment) read from the IMAP mailbox by
 * the app running with the README's flags (a 128 MB heap). Reports whether it was handled, whether the
 * instance survived, and the resident memory at its peak.
 */
final class BigImapMailScenario {

    private static final String MAILBOX_PASSWORD = "bench-imap";

    private final Bench.Options options;

    BigImapMailScenario(Bench.Options options) {
        this.options = options;
    }

    void run(Report report) {
        GreenMail imap = new GreenMail(new ServerSetup(AppInstance.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP))
                .withConfiguration(GreenMailConfiguration.aConfig());
        imap.start();
        try (Stack stack = Stack.create("td_bench_bigmail", options.logDir())) {
            GreenMailUser mailbox = imap.setUser(Stack.SUPPORT_ADDRESS, Stack.SUPPORT_ADDRESS, MAILBOX_PASSWORD);
            // MariaDB's own driver, as the README says for MariaDB: MySQL Connector/J sends this mail's 10 MB
            // stored copy to MariaDB as a 20 MB packet, over MariaDB's default max_allowed_packet of 16 MB
            AppInstance app = stack.launch("bigmail", Stack.jvmArgs(), Map.of(
                    "DATASOURCES_DEFAULT_URL", stack.db.appUrl().replaceFirst("^jdbc:mysql:", "jdbc:mariadb:"),
                    "MAIL_IMAP_HOST", "127.0.0.1",
                    "MAIL_IMAP_PORT", Integer.toString(imap.getImap().getPort()),
                    "MAIL_IMAP_USER", Stack.SUPPORT_ADDRESS,
                    "MAIL_IMAP_PASSWORD", MAILBOX_PASSWORD,
                    "MAIL_IMAP_POLL_INTERVAL", "2s"));
            stack.db.user("Pat Scanner", "pat.scanner@bench.example", "employee", null);
            try {
                mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()),
                        new ByteArrayInputStream(bigRequest(20 * 1024 * 1024))));
            } catch (MessagingException e) {
                throw new IllegalStateException("GreenMail did not take the message", e);
            }
            double peak = LoadSampler.peakRssDuring(app, () -> Flows.eventually(Duration.ofSeconds(120),
                    () -> stack.db.count("SELECT COUNT(*) FROM tickets WHERE title = 'Scan of the contract'") > 0));
            long tickets = stack.db.count("SELECT COUNT(*) FROM tickets WHERE title = 'Scan of the contract'");
            boolean alive = app.isAlive();
            report.add("bigmail", "27 MB email (20 MB attachment) over IMAP: ticket opened / instance alive",
                    tickets + " / " + (alive ? "yes" : "NO"), "1 / yes", tickets == 1 && alive);
            report.info("bigmail", "RSS peak while reading it", String.format("%.0f MiB", peak));
        } finally {
            imap.stop();
        }
    }

    private static byte[] bigRequest(int attachmentBytes) {
        String attachment = Base64.getMimeEncoder().encodeToString(new byte[attachmentBytes]);
        String message = "From: Pat Scanner <pat.scanner@bench.example>\r\n"
                + "To: " + Stack.SUPPORT_ADDRESS + "\r\n"
                + "Subject: Scan of the contract\r\n"
                + "Message-ID: <bench-big-1@bench.example>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nThe scanner's output is attached.\r\n"
                + "--b1\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"scan.pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + attachment + "\r\n--b1--\r\n";
        return message.getBytes(StandardCharsets.US_ASCII);
    }
}
