package ticketdesk.mail.inbound;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import ticketdesk.core.Channel;
import ticketdesk.core.Times;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.outbox.Outbox;
import ticketdesk.mail.MailSettings;

/**
 * The one polite answer to an address whose email went nowhere (no active user, or core refused it),
 * through the outbox (AUTO_ANSWER), at most once per {@code mail.auto-answer-interval} for each address,
 * even with several instances.
 */
@Singleton
class AutoAnswers {

    private final AutoAnswerRepository answers;
    private final Outbox outbox;
    private final TransactionOperations<Connection> tx;
    private final Times times;
    private final MailSettings settings;

    AutoAnswers(AutoAnswerRepository answers, Outbox outbox, TransactionOperations<Connection> tx, Times times,
                MailSettings settings) {
        this.answers = answers;
        this.outbox = outbox;
        this.tx = tx;
        this.times = times;
        this.settings = settings;
    }

    /** Tells an address that is no active user that its email went nowhere. */
    boolean stranger(String address, String subject, String inReplyTo, boolean deactivated) {
        return answer(address, subject, inReplyTo, (deactivated ? "the help-desk account of " + address
                + " is deactivated" : "we could not find a help-desk account for " + address)
                + ", so your email was not added to any ticket. Please ask your administrator for access, or contact"
                + " the help desk another way.");
    }

    /** Tells a user why their reply was not added to the ticket (core's refusal, e.g. a cancelled ticket). */
    boolean refused(String address, String subject, String inReplyTo, String reason) {
        return answer(address, subject, inReplyTo, "your email was not added to the ticket: " + reason + ".");
    }

    /**
     * Asks a user whose email named its ticket only by the subject tag, from an address the receiving server did not
     * vouch for, to answer the notification email instead: its reply address carries a token only they received.
     */
    boolean unauthenticated(String address, String subject, String inReplyTo, long ticketId) {
        return answer(address, subject, inReplyTo, "your email about ticket #" + ticketId + " was not added to it:"
                + " it names the ticket only in its subject, and your mail server's signature did not confirm that it"
                + " came from " + address + ". Please reply to the notification email of ticket #" + ticketId
                + " instead; its reply address is yours alone.");
    }

    /** Queues the answer unless this address was answered recently; tells whether it did. */
    private boolean answer(String address, String subject, String inReplyTo, String message) {
        if (address == null || !outbox.delivers(Channel.EMAIL)) {
            return false;
        }
        try {
            return tx.executeWrite(s -> {
                var now = times.now();
                if (answers.count(address) == 0) {
                    answers.claimFirst(address, now);
                } else if (answers.claimAgain(address, now, now.minus(settings.getAutoAnswerInterval())) == 0) {
                    return false;
                }
                outbox.enqueue(null, null, Channel.EMAIL, NotificationKind.AUTO_ANSWER,
                        payload(address, subject, inReplyTo, message));
                return true;
            });
        } catch (DataAccessException raced) {
            return false; // another instance answered this address at the same moment
        }
    }

    private static Map<String, String> payload(String address, String subject, String inReplyTo, String message) {
        Map<String, String> p = new HashMap<>();
        p.put("to", address);
        String s = subject == null || subject.isBlank() ? "your email" : subject.strip();
        p.put("subject", s.regionMatches(true, 0, "Re:", 0, 3) ? s : "Re: " + s);
        p.put("body", "Hello,\n\n" + message + "\n\nThis is an automatic answer; you will not get another one"
                + " for a while.");
        if (inReplyTo != null) {
            p.put("inReplyTo", inReplyTo);
        }
        return p;
    }
}
