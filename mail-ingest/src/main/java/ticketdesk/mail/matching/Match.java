package ticketdesk.mail.matching;

import ticketdesk.core.user.User;

/** What an inbound email is, for the pipeline: a reply to a ticket, a new ticket, or neither. */
public sealed interface Match {

    /** A reply to this ticket from this (authenticated) user; {@code how} names what matched. */
    record Reply(long ticketId, User sender, String how) implements Match {
    }

    /** An active user's email about nothing we know: it opens a ticket. */
    record NewTicket(User sender) implements Match {
    }

    /** It points at a ticket, but nothing proves the sender may write to it (a forged reply). */
    record Unverified(Long ticketId, String why) implements Match {
    }

    /**
     * It names this ticket only by its subject tag, and the receiving server did not vouch for the From address:
     * held, not applied, until the sender answers the notification email (whose reply address is theirs alone).
     */
    record Held(long ticketId, User sender, String why) implements Match {
    }

    /** The receiving server found the From address forged (DMARC or DKIM fail): refused, whatever it points at. */
    record Forged(String why) implements Match {
    }

    /** The sender is no (active) user. */
    record Stranger(String address, boolean deactivated) implements Match {
    }
}
