package ticketdesk.mail.inbound;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import ticketdesk.mail.ImapSettings;

/**
 * The connection to the support mailbox (MAIL_IMAP_*): the folder opened read-only, so reading a
 * message never sets its \Seen flag, reconnected whenever it is found closed.
 */
final class ImapMailbox implements AutoCloseable {

    private static final int FETCH_BLOCK = 1024 * 1024;

    private final ImapSettings settings;
    private final Session session;
    private final ScheduledExecutorService waker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "imap-idle-waker");
        t.setDaemon(true);
        return t;
    });
    private Store store;
    private volatile IMAPFolder folder;

    ImapMailbox(ImapSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    /** The open folder, connecting first when needed, after a NOOP so it knows of newly arrived mail. */
    synchronized IMAPFolder open() throws MessagingException {
        if (store == null || !store.isConnected()) {
            disconnect();
            store = session.getStore(settings.isSsl() ? "imaps" : "imap");
            store.connect(settings.getHost(), settings.getPort(), settings.getUser(), settings.getPassword());
        }
        if (folder == null || !folder.isOpen()) {
            IMAPFolder opened = (IMAPFolder) store.getFolder(settings.getFolder());
            opened.open(Folder.READ_ONLY);
            folder = opened;
        }
        folder.doCommand(protocol -> {
            protocol.noop();
            return null;
        });
        return folder;
    }

    synchronized boolean supportsIdle() throws MessagingException {
        return folder != null && store instanceof IMAPStore imap && imap.hasCapability("IDLE");
    }

    /** Waits for news from the server, at most {@code longest}: another thread's command on the folder ends IDLE. */
    void idle(Duration longest) throws MessagingException {
        IMAPFolder open = folder;
        if (open == null) {
            return;
        }
        ScheduledFuture<?> wake = waker.schedule(() -> {
            try {
                open.getMessageCount();
            } catch (MessagingException | RuntimeException ignored) {
                // the reader finds out on its own
            }
        }, longest.toMillis(), TimeUnit.MILLISECONDS);
        try {
            open.idle(true);
        } finally {
            wake.cancel(false);
        }
    }

    synchronized void disconnect() {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException ignored) {
            // closing a dead connection
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException | RuntimeException ignored) {
            // closing a dead connection
        }
        folder = null;
        store = null;
    }

    @Override
    public void close() {
        disconnect();
        waker.shutdownNow();
    }

    private static Properties properties(ImapSettings s) {
        Properties p = new Properties();
        for (String protocol : new String[] {"imap", "imaps"}) {
            String prefix = "mail." + protocol + ".";
            p.setProperty(prefix + "connectiontimeout", Long.toString(s.getTimeout().toMillis()));
            // an IDLE lasts up to one poll interval without a word from the server
            p.setProperty(prefix + "timeout", Long.toString(s.getTimeout().plus(s.getPollInterval()).toMillis()));
            p.setProperty(prefix + "writetimeout", Long.toString(s.getTimeout().toMillis()));
            p.setProperty(prefix + "peek", "true");
            // a message comes in blocks of this size, each copied to the spool: a big one is never whole in the heap
            p.setProperty(prefix + "partialfetch", "true");
            p.setProperty(prefix + "fetchsize", Integer.toString(FETCH_BLOCK));
            p.setProperty(prefix + "starttls.enable", Boolean.toString(s.isStarttls()));
        }
        return p;
    }
}
