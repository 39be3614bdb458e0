package ticketdesk.admin.tickets;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ticketdesk.admin.web.Formats;
import ticketdesk.core.audit.TicketEvent;
import ticketdesk.core.message.Message;
import ticketdesk.core.message.MessageType;
import ticketdesk.core.ticket.Ticket;

/** What a ticket's page shows: the ticket, its messages and its whole timeline, with names instead of ids. */
record TicketPage(Facts ticket, List<MessageView> messages, List<EventView> timeline) {

    record Facts(long id, String title, String description, String priority, String category, String status,
                 long requesterId, String requester, Long responderId, String responder, String source,
                 String createdAt, String updatedAt, String claimedAt, String completedAt) {
    }

    /** {@code note}: an internal note, for responders and admins only. */
    record MessageView(String sender, String channel, String time, String body, List<String> attachments,
                       boolean note) {
    }

    record EventView(long id, String time, String who, String what, String fromStatus, String toStatus,
                     String detail, String channel) {
    }

    static Set<Long> peopleIn(Ticket ticket, List<Message> messages, List<TicketEvent> events) {
        Set<Long> ids = new HashSet<>();
        ids.add(ticket.requesterId());
        ids.add(ticket.responderId());
        messages.forEach(m -> ids.add(m.senderId()));
        for (TicketEvent e : events) {
            ids.add(e.actorId());
            ids.addAll(Formats.peopleIn(e.field(), e.oldValue(), e.newValue()));
        }
        ids.remove(null);
        return ids;
    }

    static Facts facts(Ticket t, Map<Long, String> names) {
        return new Facts(t.id(), t.title(), t.description(), t.priority().db(), t.category(),
                t.status().db(), t.requesterId(), names.getOrDefault(t.requesterId(), "#" + t.requesterId()),
                t.responderId(), t.responderId() == null ? "" : names.getOrDefault(t.responderId(),
                "#" + t.responderId()), t.source().db(), Formats.time(t.createdAt()), Formats.time(t.updatedAt()),
                Formats.time(t.claimedAt()), Formats.time(t.completedAt()));
    }

    static MessageView message(Message m, Map<Long, String> names, List<String> attachments) {
        return new MessageView(names.getOrDefault(m.senderId(), "#" + m.senderId()), m.channel().db(),
                Formats.time(m.createdAt()), m.body(), attachments, m.type() == MessageType.NOTE);
    }

    static EventView event(TicketEvent e, Map<Long, String> names) {
        String who = e.actorId() == null ? "system" : names.getOrDefault(e.actorId(), "#" + e.actorId());
        return new EventView(e.id(), Formats.time(e.createdAt()), who, Formats.label(e.type().db()),
                e.fromStatus() == null ? "" : Formats.label(e.fromStatus().db()),
                e.toStatus() == null ? "" : Formats.label(e.toStatus().db()), Formats.change(e.field(), e.oldValue(), e.newValue(), names), e.channel().db());
    }
}
