package ticketdesk.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import ticketdesk.core.outbox.OutboxWorker;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.testing.World;

/**
 * Base of the tests that need mail servers: an in-process GreenMail (SMTP and IMAP on free ports of
 * 127.0.0.1) beside the fresh MariaDB database of {@link DatabaseTest}. The support mailbox is
 * {@value #SUPPORT}; everything ticketdesk sends lands in GreenMail for the test to read.
 */
public abstract class MailTest extends DatabaseTest {

    public static final String SUPPORT = "support@ticketdesk.test";
    public static final String INBOUND_TOKEN = "inbound-secret-token";

    protected final GreenMail greenMail = startGreenMail();
    protected GreenMailUser supportMailbox = greenMail.setUser(SUPPORT, "support", "support-pw");

    @Inject protected ApplicationContext context;
    @Inject protected OutboxWorker outbox;
    protected World world;
    private final Set<String> triggered = new HashSet<>();

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("mail.from", SUPPORT);
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
        p.put("mail.imap.host", "127.0.0.1");
        p.put("mail.imap.port", Integer.toString(greenMail.getImap().getPort()));
        p.put("mail.imap.user", "support");
        p.put("mail.imap.password", "support-pw");
        p.put("mail.imap.watch", "false");
        p.put("mail.inbound-token", INBOUND_TOKEN);
        p.put("ticketdesk.base-url", "http://ticketdesk.test");
        p.put("micronaut.server.max-request-size", "40MB");
        p.putAll(moreProperties());
        return p;
    }

    protected Map<String, String> moreProperties() {
        return Map.of();
    }

    @BeforeEach
    void freshWorld() throws Exception {
        world = new World(context);
        outbox.drain();
        greenMail.purgeEmailFromAllMailboxes();
    }

    /** Stops and starts the mail servers on the same ports: connections drop, mailboxes start empty. */
    protected void restartGreenMail() {
        greenMail.stop();
        greenMail.start();
        supportMailbox = greenMail.setUser(SUPPORT, "support", "support-pw");
    }

    /**
     * Makes the database refuse inserts into {@code table} where {@code condition} holds (on {@code NEW}), as a
     * full disk or a lost connection would, until {@link #healInserts} or the end of the test.
     */
    protected void failInserts(String table, String condition) {
        whenInserted(table, condition, "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test database'");
    }

    /** Runs {@code statement} in the database when a row matching {@code condition} is inserted into {@code table}. */
    protected void whenInserted(String table, String condition, String statement) {
        sql("CREATE TRIGGER test_" + table + " BEFORE INSERT ON " + table + " FOR EACH ROW BEGIN IF " + condition
                + " THEN " + statement + "; END IF; END");
        triggered.add(table);
    }

    protected void healInserts(String table) {
        sql("DROP TRIGGER IF EXISTS test_" + table);
        triggered.remove(table);
    }

    @AfterEach
    void healAllInserts() {
        new ArrayList<>(triggered).forEach(this::healInserts);
    }

    /** Runs one SQL statement against the test database, outside the application. */
    protected void sql(String statement, Object... args) {
        try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            p.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    @AfterAll
    void stopGreenMail() {
        greenMail.stop();
    }

    /** Delivers everything the outbox holds and returns the emails that arrived at this address. */
    protected List<MimeMessage> deliveredTo(String address) {
        outbox.drain();
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** Puts a raw email into the support mailbox, as an MTA would deliver it. */
    protected void deliverToSupport(String raw) {
        deliverToSupport(Emails.wire(raw));
    }

    protected void deliverToSupport(byte[] raw) {
        try {
            supportMailbox.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail startGreenMail() {
        GreenMail mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
