package ticketdesk.admin.tickets;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ticketdesk.admin.web.Formats;
import ticketdesk.core.Channel;
import ticketdesk.core.audit.TicketEvent;
import ticketdesk.core.message.Message;
import ticketdesk.core.message.MessageType;
import ticketdesk.core.ticket.Ticket;

/**
 * What a ticket's page shows: the ticket, its messages and its whole timeline, with names instead of ids,
 * and the raw email beside the text taken from it (the description of a ticket opened by email, and each
 * email message).
 */
record TicketPage(Facts ticket, MailView descriptionMail, List<MessageView> messages, List<EventView> timeline) {

    record Facts(long id, String title, String description, String priority, String category, String status,
                 long requesterId, String requester, Long responderId, String responder, String source,
                 String createdAt, String updatedAt, String claimedAt, String completedAt) {
    }

    /**
     * {@code mail} is the raw email the message was extracted from, or null; {@code note} marks an internal note,
     * for responders and admins only.
     */
    record MessageView(String sender, String channel, String time, String body, List<FileView> attachments,
                       MailView mail, boolean note) {
    }

    /** A file of a message: {@code id} is null when it was too large to keep, so there is nothing to download. */
    record FileView(Long id, String name, String about) {

        static FileView of(Attachments.File f) {
            return new FileView(f.kept() ? f.id() : null, f.name(), f.contentType() + ", " + Formats.bytes(f.size())
                    + (f.kept() ? "" : ", not kept"));
        }
    }

    /** A raw email as the page shows it: its (start of) text and a note of its size. */
    record MailView(String raw, String size) {

        static MailView of(RawMails.RawMail mail) {
            return mail == null ? null : new MailView(mail.text(), mail.sizeNote());
        }
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

    static MessageView message(Message m, Map<Long, String> names, List<Attachments.File> files,
                               Map<String, RawMails.RawMail> mails) {
        RawMails.RawMail mail = m.channel() == Channel.EMAIL && m.externalId() != null ? mails.get(m.externalId()) : null;
        return new MessageView(names.getOrDefault(m.senderId(), "#" + m.senderId()), m.channel().db(),
                Formats.time(m.createdAt()), m.body(), files.stream().map(FileView::of).toList(), MailView.of(mail),
                m.type() == MessageType.NOTE);
    }

    /** The mail that opened the ticket, when it was opened by email. */
    static MailView openingMail(Map<String, RawMails.RawMail> mails) {
        return MailView.of(mails.values().stream().filter(m -> RawMails.OPENED_TICKET.equals(m.outcome()))
                .findFirst().orElse(null));
    }

    static EventView event(TicketEvent e, Map<Long, String> names) {
        String who = e.actorId() == null ? "system" : names.getOrDefault(e.actorId(), "#" + e.actorId());
        return new EventView(e.id(), Formats.time(e.createdAt()), who, Formats.label(e.type().db()),
                e.fromStatus() == null ? "" : Formats.label(e.fromStatus().db()),
                e.toStatus() == null ? "" : Formats.label(e.toStatus().db()), Formats.change(e.field(), e.oldValue(), e.newValue(), names), e.channel().db());
    }
}
