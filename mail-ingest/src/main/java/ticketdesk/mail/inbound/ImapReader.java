package ticketdesk.mail.inbound;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ticketdesk.mail.ImapSettings;
import ticketdesk.mail.MailSettings;
import ticketdesk.mail.spool.RawMail;

/**
 * Reads the support mailbox over IMAP into the {@link InboundPipeline}. It tracks what it handled by
 * UID within UIDVALIDITY, never by the \Seen flag, so a person reading the mailbox in a mail client
 * loses nothing. It waits with IDLE where the server has it and polls otherwise, reconnects after a
 * dropped connection, and reads only while it holds the database lease, so one instance reads at a
 * time (and the pipeline's Message-ID dedupe makes a second read harmless anyway).
 */
@Singleton
@Requires(property = "mail.imap.host", pattern = ".*\\S.*")
public class ImapReader {

    private static final Logger LOG = LoggerFactory.getLogger(ImapReader.class);

    private final ImapSettings settings;
    private final MailSettings mailSettings;
    private final InboundPipeline pipeline;
    private final ImapCursors cursors;
    private final ImapMailbox mailbox;
    private final String holder = UUID.randomUUID().toString();
    private volatile boolean running;
    private volatile Thread thread;
    private String failing; // "uidvalidity/uid" of the message the database refused last pass, if any
    private int failures;

    ImapReader(ImapSettings settings, MailSettings mailSettings, InboundPipeline pipeline, ImapCursors cursors) {
        this.settings = settings;
        this.mailSettings = mailSettings;
        this.pipeline = pipeline;
        this.cursors = cursors;
        this.mailbox = new ImapMailbox(settings);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (settings.isWatch()) {
            start();
        }
    }

    /** Starts the background reader: a pass, then IDLE (or a poll interval's sleep), again and again. */
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
        mailbox.disconnect();
        if (t != null) {
            t.interrupt();
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
        mailbox.close();
        try {
            cursors.releaseLease(holder);
        } catch (RuntimeException e) {
            LOG.debug("lease not released at shutdown: {}", e.toString()); // it expires on its own
        }
    }

    /**
     * One pass over the folder: every message with a UID above the cursor goes through the pipeline, the
     * cursor advancing after each. The pass stops short of a message worth retrying (the next pass tries it
     * again, until the pipeline gives up on it) and as soon as the lease is lost. Returns how many were
     * handled, or -1 when another instance holds the lease.
     */
    public synchronized int readOnce() throws MessagingException, IOException {
        if (!cursors.holdLease(holder, leaseLength())) {
            mailbox.disconnect();
            return -1;
        }
        try {
            return pass();
        } catch (MessagingException dropped) {
            // a connection that died since the last pass (server restart, idle timeout): once more, afresh
            LOG.info("IMAP connection lost ({}); reconnecting", dropped.toString());
            mailbox.disconnect();
            return pass();
        }
    }

    private int pass() throws MessagingException, IOException {
        IMAPFolder folder = mailbox.open();
        long validity = folder.getUIDValidity();
        String key = settings.mailboxKey();
        long last = cursors.lastUid(key, validity);
        Message[] messages = folder.getMessagesByUID(last + 1, UIDFolder.MAXUID);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        folder.fetch(messages, profile);
        Arrays.sort(messages, Comparator.comparingLong(m -> uid(folder, m)));
        int handled = 0;
        for (Message message : messages) {
            long uid = uid(folder, message);
            if (uid <= last) {
                continue; // "n:*" also answers the last message when nothing is newer
            }
            try (RawMail raw = spool(message)) {
                if (raw != null) {
                    if (needsAnotherPass(raw, validity + "/" + uid, message)) {
                        LOG.info("IMAP message {} not handled yet; the next pass tries it again", uid);
                        break;
                    }
                    handled++;
                }
            }
            cursors.advance(key, validity, uid);
            if (!cursors.holdLease(holder, leaseLength())) {
                LOG.info("IMAP reader lost its lease; another instance reads on");
                break;
            }
        }
        return handled;
    }

    /**
     * Hands the message to the pipeline; true when the next pass should try it again. When the database refuses
     * this very message (a row too large for it, say) {@link InboundPipeline#MAX_ATTEMPTS} passes in a row while it
     * still answers the lease, the reader gives up on it: the mail stays in the mailbox, and an error names it. A
     * database that does not answer at all is an outage, never counted against the message.
     */
    private boolean needsAnotherPass(RawMail raw, String id, Message message) {
        try {
            InboundPipeline.Received received = pipeline.receive(raw, "imap");
            if (!received.retryable()) {
                failing = null; // a pass that only found its row still 'processing' does not clear the count
            }
            return received.retryable();
        } catch (RuntimeException refused) {
            if (!databaseAnswers(refused)) {
                throw refused;
            }
            failures = id.equals(failing) ? failures + 1 : 1;
            failing = id;
            if (failures < InboundPipeline.MAX_ATTEMPTS) {
                LOG.info("IMAP message {} refused by the database ({} of {} passes before it is skipped)", id,
                        failures, InboundPipeline.MAX_ATTEMPTS);
                throw refused;
            }
            failing = null;
            LOG.error("IMAP message {} (Message-ID {}, {} bytes) skipped: the database refused it {} passes in a row"
                    + " while answering everything else ({}). It stays in mailbox {}; inbound_emails holds no finished row for it.",
                    id, messageId(message), raw.size(), failures, refused.toString(), settings.mailboxKey());
            return false;
        }
    }

    /** Whether the database still answers the lease; if it fails outright, that failure rides on the refusal. */
    private boolean databaseAnswers(RuntimeException refused) {
        try {
            return cursors.holdLease(holder, leaseLength());
        } catch (RuntimeException down) {
            refused.addSuppressed(down);
            return false;
        }
    }

    private static String messageId(Message message) {
        try {
            String[] ids = message.getHeader("Message-ID");
            return ids == null || ids.length == 0 ? "none" : ids[0];
        } catch (MessagingException e) {
            return "unreadable";
        }
    }

    private void watch() {
        Duration backoff = Duration.ofSeconds(1);
        while (running) {
            try {
                int handled = readOnce();
                backoff = Duration.ofSeconds(1);
                if (handled >= 0 && settings.isIdle() && mailbox.supportsIdle()) {
                    mailbox.idle(settings.getPollInterval());
                } else {
                    sleep(settings.getPollInterval());
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warn("IMAP reader: {}; trying again in {}s", e.toString(), backoff.toSeconds());
                mailbox.disconnect();
                sleep(backoff);
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(settings.getPollInterval()) > 0 ? settings.getPollInterval() : doubled;
            }
        }
    }

    private static long uid(IMAPFolder folder, Message message) {
        try {
            return folder.getUID(message);
        } catch (MessagingException e) {
            return -1;
        }
    }

    /**
     * Copies the message to a temporary file as the server sends it, in blocks of a partial fetch, never whole in
     * the heap; one over the size limit is copied only so far (the pipeline records it as too large).
     */
    private RawMail spool(Message message) throws MessagingException, IOException {
        try (InputStream in = ((IMAPMessage) message).getMimeStream()) {
            return RawMail.spool(in, mailSettings.getInboundMaxSize());
        } catch (MessageRemovedException gone) {
            return null; // expunged by someone else while we read
        }
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
}
