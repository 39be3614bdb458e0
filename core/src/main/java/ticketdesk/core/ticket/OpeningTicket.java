package ticketdesk.core.ticket;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;
import ticketdesk.core.Refusal;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.text.CleanText;
import ticketdesk.core.ticket.Commands.OpenTicket;

/**
 * Rule 1: an active user opens a ticket; it starts pending, with its created event; responders hear of it. Its text
 * is stored without control or bidi-override characters ({@link CleanText}).
 */
@Singleton
public class OpeningTicket {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MAX_CATEGORY = 100;

    private final TicketWork work;

    OpeningTicket(TicketWork work) {
        this.work = work;
    }

    @Transactional
    public OpenResult open(OpenTicket command) {
        String title = TicketText.title(command.title());
        String description = TicketText.description(command.description());
        String category = TicketText.category(command.category());
        Optional<Refusal> refusal = TicketText.titleRefusal(title)
                .or(() -> TicketText.descriptionRefusal(description))
                .or(() -> TicketText.categoryRefusal(category));
        if (refusal.isPresent()) {
            return refused(refusal.get());
        }
        Actors.Acting requester = work.actors.load(command.requesterId());
        if (requester.refused()) {
            return refused(requester.refusal());
        }
        var now = work.now();
        Priority priority = command.priority() == null ? Priority.MEDIUM : command.priority();
        Ticket ticket = work.tickets.save(new TicketRow(null, title, description, priority.db(), category,
                TicketStatus.PENDING.db(), command.requesterId(), null, command.source().db(), now, now, null, null))
                .toTicket();
        work.audit.transition(ticket.id(), command.requesterId(), EventType.CREATED, null, TicketStatus.PENDING,
                command.source().channel());
        work.announcements.opened(ticket);
        return new OpenResult.Opened(ticket);
    }

    private static OpenResult refused(Refusal refusal) {
        return new OpenResult.Refused(refusal);
    }
}
