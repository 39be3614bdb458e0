package ticketdesk.mail.inbound;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ticketdesk.mail.ImapSettings;

/**
 * Reads the support mailbox over IMAP into the {@link InboundPipeline}. It opens the folder read-only
 * and tracks what it handled by UID within UIDVALIDITY, never by the \Seen flag, so a person reading
 * the mailbox in a mail client loses nothing. It waits with IDLE where the server has it and polls
 * otherwise, reconnects after a dropped connection, and reads only while it holds the database lease,
 * so one instance reads at a time (and the pipeline's Message-ID dedupe makes a second read harmless).
 */
@Singleton
@Requires(property = "mail.imap.host")
public class ImapReader {

    private static final Logger LOG = LoggerFactory.getLogger(ImapReader.class);

    private final ImapSettings settings;
    private final InboundPipeline pipeline;
    private final ImapCursors cursors;
    private final String holder = UUID.randomUUID().toString();
    private final Session session;
    private final ScheduledExecutorService waker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "imap-idle-waker");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running;
    private volatile Thread thread;
    private Store store;
    private IMAPFolder folder;

    ImapReader(ImapSettings settings, InboundPipeline pipeline, ImapCursors cursors) {
        this.settings = settings;
        this.pipeline = pipeline;
        this.cursors = cursors;
        this.session = Session.getInstance(properties(settings));
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (settings.isWatch()) {
            start();
        }
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::watch, "imap-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the background reader (it can be started again). */
    void stopWatching() {
        running = false;
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
        }
        disconnectQuietly();
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @PreDestroy
    void close() {
        stopWatching();
        waker.shutdownNow();
        try {
            cursors.releaseLease(holder);
        } catch (RuntimeException e) {
            LOG.debug("lease not released at shutdown: {}", e.toString()); // it expires on its own
        }
    }

    /**
     * One pass over the folder: every message with a UID above the cursor goes through the pipeline, the
     * cursor advancing after each. Returns how many were handled, or -1 when another instance holds the lease.
     */
    public synchronized int readOnce() throws MessagingException, IOException {
        if (!cursors.holdLease(holder, leaseLength())) {
            disconnectQuietly();
            return -1;
        }
        try {
            return pass();
        } catch (MessagingException dropped) {
            // a connection that died since the last pass (server restart, idle timeout): once more, afresh
            LOG.info("IMAP connection lost ({}); reconnecting", dropped.toString());
            disconnectQuietly();
            return pass();
        }
    }

    private int pass() throws MessagingException, IOException {
        IMAPFolder open = folder();
        open.doCommand(protocol -> {
            protocol.noop(); // lets the server tell an open folder about mail that arrived since
            return null;
        });
        long validity = open.getUIDValidity();
        String mailbox = settings.mailboxKey();
        long last = cursors.lastUid(mailbox, validity);
        Message[] messages = open.getMessagesByUID(last + 1, UIDFolder.MAXUID);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        open.fetch(messages, profile);
        Arrays.sort(messages, Comparator.comparingLong(m -> uid(open, m)));
        int handled = 0;
        for (Message message : messages) {
            long uid = uid(open, message);
            if (uid <= last) {
                continue; // "n:*" also answers the last message when nothing is newer
            }
            byte[] raw = raw(message);
            if (raw != null) {
                pipeline.receive(raw, "imap");
                handled++;
            }
            cursors.advance(mailbox, validity, uid);
            cursors.holdLease(holder, leaseLength());
        }
        return handled;
    }

    private void watch() {
        Duration backoff = Duration.ofSeconds(1);
        while (running) {
            try {
                int handled = readOnce();
                backoff = Duration.ofSeconds(1);
                if (handled >= 0 && settings.isIdle() && folder != null && supportsIdle()) {
                    idle();
                } else {
                    sleep(settings.getPollInterval());
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warn("IMAP reader: {}; reconnecting in {}s", e.toString(), backoff.toSeconds());
                disconnectQuietly();
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(settings.getPollInterval()) > 0
                        ? settings.getPollInterval() : backoff.multipliedBy(2);
            }
        }
    }

    /** Waits for new mail, at most one poll interval: another thread's command on the folder ends the IDLE. */
    private void idle() throws MessagingException {
        IMAPFolder open = folder;
        ScheduledFuture<?> wake = waker.schedule(() -> {
            try {
                open.getMessageCount();
            } catch (MessagingException | RuntimeException ignored) {
                // the reader finds out on its own
            }
        }, settings.getPollInterval().toMillis(), TimeUnit.MILLISECONDS);
        try {
            open.idle(true);
        } finally {
            wake.cancel(false);
        }
    }

    private synchronized boolean supportsIdle() throws MessagingException {
        return store instanceof IMAPStore imap && imap.hasCapability("IDLE");
    }

    private IMAPFolder folder() throws MessagingException {
        if (store == null || !store.isConnected()) {
            disconnectQuietly();
            store = session.getStore(settings.isSsl() ? "imaps" : "imap");
            store.connect(settings.getHost(), settings.getPort(), settings.getUser(), settings.getPassword());
        }
        if (folder == null || !folder.isOpen()) {
            folder = (IMAPFolder) store.getFolder(settings.getFolder());
            folder.open(Folder.READ_ONLY);
        }
        return folder;
    }

    private static long uid(IMAPFolder folder, Message message) {
        try {
            return folder.getUID(message);
        } catch (MessagingException e) {
            return -1;
        }
    }

    private static byte[] raw(Message message) throws MessagingException, IOException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessageRemovedException gone) {
            return null; // expunged by someone else while we read
        }
    }

    private synchronized void disconnectQuietly() {
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

    private Duration leaseLength() {
        return settings.getPollInterval().multipliedBy(3).plusSeconds(60);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Properties properties(ImapSettings s) {
        Properties p = new Properties();
        for (String protocol : new String[] {"imap", "imaps"}) {
            String prefix = "mail." + protocol + ".";
            p.setProperty(prefix + "connectiontimeout", Long.toString(s.getTimeout().toMillis()));
            p.setProperty(prefix + "timeout", Long.toString(s.getTimeout().plus(s.getPollInterval()).toMillis()));
            p.setProperty(prefix + "writetimeout", Long.toString(s.getTimeout().toMillis()));
            p.setProperty(prefix + "peek", "true");
            p.setProperty(prefix + "partialfetch", "false");
            p.setProperty(prefix + "starttls.enable", Boolean.toString(s.isStarttls()));
        }
        return p;
    }
}
