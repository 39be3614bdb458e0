package ticketdesk.core.ticket;

import ticketdesk.core.Refusal;

public sealed interface DeclineResult {

    /**
     * Recorded. {@code returnedToPool} when the decliner held the ticket; {@code alreadyDeclined} when
     * this was a repeat (nothing changed).
     */
    record Declined(Ticket ticket, boolean returnedToPool, boolean alreadyDeclined) implements DeclineResult {
    }

    record Refused(Refusal refusal) implements DeclineResult {
    }
}
