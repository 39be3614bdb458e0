package ticketdesk.core.message;

import ticketdesk.core.Refusal;
import ticketdesk.core.ticket.Ticket;

public sealed interface PostResult {

    /** Stored and announced; {@code reopened} when the requester's reply reopened a done ticket. */
    record Posted(Message message, Ticket ticket, boolean reopened) implements PostResult {
    }

    /** Already stored from an earlier delivery of the same message; nothing changed. */
    record Duplicate(Message existing) implements PostResult {
    }

    record Refused(Refusal refusal) implements PostResult {
    }
}
