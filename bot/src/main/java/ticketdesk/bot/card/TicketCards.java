package ticketdesk.bot.card;

import jakarta.inject.Singleton;
import java.util.Optional;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.ticket.TicketQueries;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

/** Builds a ticket's card from what is true now, so a late re-render still shows the current state. */
@Singleton
public class TicketCards {

    private final TicketQueries tickets;
    private final UserDirectory users;

    TicketCards(TicketQueries tickets, UserDirectory users) {
        this.tickets = tickets;
        this.users = users;
    }

    public Optional<TicketCard> current(long ticketId) {
        return tickets.byId(ticketId).map(this::cardOf);
    }

    private TicketCard cardOf(Ticket ticket) {
        User requester = users.byId(ticket.requesterId()).orElse(null);
        User holder = ticket.responderId() == null ? null : users.byId(ticket.responderId()).orElse(null);
        return TicketCard.of(ticket, requester, holder);
    }
}
