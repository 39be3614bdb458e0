package ticketdesk.devmail;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compose stack's mail server, configured only by environment variables ({@link DevMailSettings}): SMTP
 * and IMAP from GreenMail, the support address's mailbox behind a password, mail to its plus-addresses
 * delivered there ({@link SupportRouting}), and every other recipient's mail kept in memory and listed at
 * {@link #page()} ({@link CatcherPage}). It relays nothing anywhere.
 */
public final class DevMail implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DevMail.class);
    private static final String CATCH_ALL = "caught@devmail.invalid";

    private final DevMailSettings settings;
    private final GreenMail greenMail;
    private final GreenMailUser support;
    private final GreenMailUser catchAll;
    private final CatcherPage page;

    private DevMail(DevMailSettings settings) {
        this.settings = settings;
        this.greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(settings.smtpPort(), settings.bindAddress(), ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(settings.imapPort(), settings.bindAddress(), ServerSetup.PROTOCOL_IMAP)});
        this.support = greenMail.setUser(settings.supportAddress(), settings.supportAddress(), settings.supportPassword());
        // nobody logs in to the catch-all: it is read through the page, so its password is never known
        this.catchAll = greenMail.setUser(CATCH_ALL, CATCH_ALL, unguessable());
        greenMail.getUserManager().setMessageDeliveryHandler(new SupportRouting(settings, support, catchAll));
        greenMail.start();
        this.page = CatcherPage.start(settings, this::caught, this::supportCount, greenMail::isRunning);
    }

    public static void main(String[] args) throws InterruptedException {
        DevMail devMail;
        try {
            devMail = start(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("devmail: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(devMail::close, "devmail-stop"));
        LOG.info("SMTP on port {}, IMAP on port {} (mailbox {}), caught mail on http port {}; nothing is relayed",
                devMail.smtpPort(), devMail.imapPort(), devMail.settings.supportAddress(), devMail.settings.webPort());
        new CountDownLatch(1).await();
    }

    /** Starts the servers as the environment says; refuses a missing or malformed setting by its name. */
    public static DevMail start(Map<String, String> environment) {
        return new DevMail(DevMailSettings.from(environment));
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** The page listing caught mail, as seen from this machine. */
    public URI page() {
        return URI.create("http://127.0.0.1:" + page.port() + "/");
    }

    @Override
    public void close() {
        page.stop();
        greenMail.stop();
    }

    private MailFolder caught() {
        return inbox(catchAll);
    }

    private int supportCount() {
        return inbox(support).getMessageCount();
    }

    private MailFolder inbox(GreenMailUser user) {
        try {
            return greenMail.getManagers().getImapHostManager().getInbox(user);
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unguessable() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
