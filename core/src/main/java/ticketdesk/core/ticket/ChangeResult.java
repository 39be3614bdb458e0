package ticketdesk.core.ticket;

import ticketdesk.core.Refusal;

/** The outcome of release, resolve, reopen and cancel. */
public sealed interface ChangeResult {

    record Changed(Ticket ticket) implements ChangeResult {
    }

    record Refused(Refusal refusal) implements ChangeResult {
    }
}
