package ticketdesk.mail.inbound;

import java.util.List;
import java.util.Locale;

/** What became of an inbound email; stored lower-case in {@code inbound_emails.outcome}. */
public enum Outcome {
    /** Being handled right now (or the handler died; a later delivery takes it over). */
    PROCESSING,
    /** Added to its ticket as a message. */
    APPLIED,
    /** Added to its done ticket as a message, which reopened it. */
    REOPENED,
    /** An active user's email about nothing we know: it opened a ticket. */
    OPENED_TICKET,
    /** Already handled (same Message-ID, or the same content without one). */
    DUPLICATE,
    /** An auto-reply, bounce or list mail: ignored and never answered. */
    AUTOMATED,
    /** Our own email come back: ignored. */
    OWN_MAIL,
    /** From an address that is no user: politely answered at most once in a while. */
    UNKNOWN_SENDER,
    /** From a deactivated user: politely answered at most once in a while. */
    INACTIVE_SENDER,
    /** Points at a ticket, but nothing proves the sender may write to it: ignored. */
    UNVERIFIED,
    /**
     * Named its ticket by the subject tag alone, without the receiving server vouching for the sender: held, not
     * applied; the sender is asked (once in a while) to answer the notification email instead.
     */
    UNMATCHED,
    /**
     * Core refused it (a cancelled ticket, a reopen window passed…), or the receiving server found its sender forged;
     * the reason is in {@code error}.
     */
    REFUSED,
    /** Nothing new in it once quoted history and signature are gone. */
    EMPTY,
    /** Larger than MAIL_INBOUND_MAX_SIZE (read over IMAP; the webhook answers 413): recorded, not applied. */
    TOO_LARGE,
    /** Its MIME structure could not be read. */
    MALFORMED,
    /** Handling failed unexpectedly; the error is kept and a later delivery tries again. */
    FAILED,
    /** It waited for an admin (see {@link #waits}), who let it go without applying it. */
    DISMISSED;

    /**
     * The outcomes of mail that went nowhere but could, once an admin has looked (a sender to create, a ticket to
     * attach it to, a sender to vouch for): the panel's Unmatched mail. A failed mail waits only once given up on.
     */
    public static final List<Outcome> WAITING = List.of(UNKNOWN_SENDER, INACTIVE_SENDER, UNVERIFIED, UNMATCHED,
            REFUSED, FAILED);

    /** The mail did not go through for a reason worth an administrator's look: its note is an {@code error}. */
    public boolean failure() {
        return this == FAILED || this == MALFORMED || this == REFUSED || this == TOO_LARGE || this == UNMATCHED;
    }

    /** Whether a mail with this outcome and so many attempts waits for an admin. */
    public boolean waits(int attempts) {
        return WAITING.contains(this) && (this != FAILED || attempts >= InboundPipeline.MAX_ATTEMPTS);
    }

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
