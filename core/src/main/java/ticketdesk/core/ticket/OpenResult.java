package ticketdesk.core.ticket;

import ticketdesk.core.Refusal;

public sealed interface OpenResult {

    record Opened(Ticket ticket) implements OpenResult {
    }

    record Refused(Refusal refusal) implements OpenResult {
    }
}
