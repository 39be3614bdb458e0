package ticketdesk.core.ticket;

import ticketdesk.core.Refusal;
import ticketdesk.core.user.User;

public sealed interface ClaimResult {

    record Claimed(Ticket ticket) implements ClaimResult {
    }

    /** Someone else won; {@code holder} is who holds it now. */
    record AlreadyClaimed(Ticket ticket, User holder) implements ClaimResult {
    }

    record Refused(Refusal refusal) implements ClaimResult {
    }
}
