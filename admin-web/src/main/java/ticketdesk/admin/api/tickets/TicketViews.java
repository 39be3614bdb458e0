package ticketdesk.admin.api.tickets;

import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ticketdesk.admin.api.Times;
import ticketdesk.admin.web.UserNames;
import ticketdesk.core.audit.AuditLog;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.audit.TicketEvent;
import ticketdesk.core.message.Message;
import ticketdesk.core.message.MessageQueries;
import ticketdesk.core.message.MessageType;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.ticket.Visibility;
import ticketdesk.core.user.User;

/** Builds the API's ticket answers, with people named; internal notes only for those core's rule 14 lets see them. */
@Singleton
class TicketViews {

    private final UserNames names;
    private final MessageQueries messages;
    private final AuditLog audit;

    TicketViews(UserNames names, MessageQueries messages, AuditLog audit) {
        this.names = names;
        this.messages = messages;
        this.audit = audit;
    }

    TicketView view(Ticket ticket) {
        return TicketView.of(ticket, names.of(people(ticket)));
    }

    TicketDetail detail(Ticket ticket, User viewer) {
        boolean notes = Visibility.canSeeNotes(viewer);
        List<Message> thread = messages.forTicket(ticket.id()).stream()
                .filter(m -> notes || m.type() != MessageType.NOTE).toList();
        List<TicketEvent> events = audit.timeline(ticket.id()).stream()
                .filter(e -> notes || e.type() != EventType.NOTE).toList();
        Set<Long> ids = people(ticket);
        thread.forEach(m -> ids.add(m.senderId()));
        events.forEach(e -> ids.add(e.actorId()));
        ids.remove(null);
        Map<Long, String> who = names.of(ids);
        return new TicketDetail(TicketView.of(ticket, who),
                thread.stream().map(m -> new TicketDetail.MessageView(m.id(), m.type().db(),
                        TicketView.ref(m.senderId(), who), m.body(), m.channel().db(), Times.of(m.createdAt()))).toList(),
                events.stream().map(e -> new TicketDetail.EventView(e.id(), e.type().db(),
                        TicketView.ref(e.actorId(), who), e.fromStatus() == null ? null : e.fromStatus().db(),
                        e.toStatus() == null ? null : e.toStatus().db(), e.field(), e.oldValue(), e.newValue(),
                        e.channel().db(), Times.of(e.createdAt()))).toList());
    }

    private static Set<Long> people(Ticket ticket) {
        Set<Long> ids = new HashSet<>();
        ids.add(ticket.requesterId());
        if (ticket.responderId() != null) {
            ids.add(ticket.responderId());
        }
        return ids;
    }
}
