package ticketdesk.bot.card;

import java.util.List;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.ticket.TicketStatus;
import ticketdesk.core.user.User;

/**
 * What a ticket's card in the responders' channel says and which buttons it offers, for the ticket's current
 * state: pending (Claim, Decline), claimed (Resolve, Release), resolved or cancelled (no buttons).
 */
public record TicketCard(Ticket ticket, User requester, User holder, List<CardButton> buttons) {

    public static TicketCard of(Ticket ticket, User requester, User holder) {
        List<CardButton> buttons = switch (ticket.status()) {
            case PENDING -> List.of(CardButton.CLAIM, CardButton.DECLINE);
            case IN_PROCESS -> List.of(CardButton.RESOLVE, CardButton.RELEASE);
            case DONE, CANCELLED -> List.of();
        };
        return new TicketCard(ticket, requester, holder, buttons);
    }

    /** "#42 printer broken", unescaped: the platform escapes it where it shows it. */
    public String heading() {
        return "#" + ticket.id() + " " + ticket.title();
    }

    /** Priority, category and requester on one line. */
    public String details(Names names) {
        StringBuilder text = new StringBuilder("Priority: ").append(ticket.priority().db());
        if (ticket.category() != null) {
            text.append(" · Category: ").append(names.text(ticket.category()));
        }
        if (requester != null) {
            text.append(" · From: ").append(names.of(requester));
        }
        return text.toString();
    }

    /** Where the ticket stands, e.g. "Claimed by @alice". */
    public String state(Names names) {
        String who = holder == null ? null : names.of(holder);
        if (ticket.status() == TicketStatus.PENDING) {
            return "Waiting for a responder";
        }
        if (ticket.status() == TicketStatus.IN_PROCESS) {
            return "Claimed by " + who;
        }
        if (ticket.status() == TicketStatus.DONE) {
            return who == null ? "Resolved" : "Resolved by " + who;
        }
        return "Cancelled";
    }
}
