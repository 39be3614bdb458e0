package ticketdesk.core.message;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Optional;
import ticketdesk.core.Channel;
import ticketdesk.core.Refusal;
import ticketdesk.core.Times;
import ticketdesk.core.audit.AuditLog;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.text.CleanText;
import ticketdesk.core.ticket.Actors;
import ticketdesk.core.ticket.Announcements;
import ticketdesk.core.ticket.ChangeResult;
import ticketdesk.core.ticket.Commands.ReopenTicket;
import ticketdesk.core.ticket.ReopeningTicket;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.ticket.TicketQueries;
import ticketdesk.core.ticket.TicketStatus;
import ticketdesk.core.ticket.Visibility;

/**
 * Rule 7: a reply from any channel is stored once (dedupe on channel + external id) and reaches the
 * other party on their channels, never echoed back where it came from. A requester's reply to a
 * done ticket within the reopen window reopens it (rule 5).
 */
@Singleton
public class PostingMessage {

    public static final int MAX_BODY = 50_000;
    /** messages.external_id holds this much; an adapter with longer ids digests them first. */
    public static final int MAX_EXTERNAL_ID = 255;
    /** message_attachments.file_name and content_type hold this much; longer ones are cut, the file is kept. */
    private static final int MAX_ATTACHMENT_NAME = 255;

    private final MessageRepository messages;
    private final AttachmentFiles attachments;
    private final Actors actors;
    private final TicketQueries tickets;
    private final ReopeningTicket reopening;
    private final AuditLog audit;
    private final Announcements announcements;
    private final TransactionOperations<Connection> tx;
    private final Times times;

    PostingMessage(MessageRepository messages, AttachmentFiles attachments, Actors actors, TicketQueries tickets,
                   ReopeningTicket reopening, AuditLog audit, Announcements announcements,
                   TransactionOperations<Connection> tx, Times times) {
        this.messages = messages;
        this.attachments = attachments;
        this.actors = actors;
        this.tickets = tickets;
        this.reopening = reopening;
        this.audit = audit;
        this.announcements = announcements;
        this.tx = tx;
        this.times = times;
    }

    public PostResult post(PostMessage command) {
        try {
            return tx.executeWrite(status -> store(command));
        } catch (DataAccessException e) {
            Optional<Message> earlier = earlier(command);
            if (earlier.isPresent()) {
                return new PostResult.Duplicate(earlier.get());
            }
            throw e;
        }
    }

    private PostResult store(PostMessage command) {
        Optional<Message> earlier = earlier(command);
        if (earlier.isPresent()) {
            return new PostResult.Duplicate(earlier.get());
        }
        if (command.externalId() != null && command.externalId().length() > MAX_EXTERNAL_ID) {
            return refused(Refusal.invalid("the message's id is longer than " + MAX_EXTERNAL_ID + " characters"));
        }
        String body = command.body() == null ? "" : CleanText.lines(command.body()).strip();
        if (body.isEmpty() && command.attachments().isEmpty()) {
            return refused(Refusal.invalid("body", "the message is empty"));
        }
        if (body.length() > MAX_BODY) {
            return refused(Refusal.invalid("body", "the message is longer than " + MAX_BODY + " characters"));
        }
        Actors.Acting sender = actors.load(command.senderId());
        if (sender.refused()) {
            return refused(sender.refusal());
        }
        Ticket ticket = tickets.byId(command.ticketId()).orElse(null);
        if (ticket == null || !Visibility.canSee(sender.user(), ticket,
                tickets.hasDeclined(command.senderId(), command.ticketId()))) {
            return refused(Refusal.notFound("ticket #" + command.ticketId()));
        }
        if (ticket.status() == TicketStatus.CANCELLED) {
            return refused(Refusal.illegal("ticket #" + ticket.id() + " was cancelled"));
        }
        boolean reopened = false;
        if (ticket.status() == TicketStatus.DONE && ticket.requesterId() == command.senderId()) {
            ChangeResult reopen = reopening.reopen(new ReopenTicket(ticket.id(), command.senderId(), command.channel()));
            if (reopen instanceof ChangeResult.Refused refusedReopen) {
                return refused(refusedReopen.refusal());
            }
            ticket = ((ChangeResult.Changed) reopen).ticket();
            reopened = true;
        }
        // boxed on both sides: a pending ticket has no responder, and a primitive branch would unbox null
        Long receiver = command.senderId() == ticket.requesterId()
                ? ticket.responderId() : Long.valueOf(ticket.requesterId());
        var now = times.now();
        MessageRow row = messages.save(new MessageRow(null, ticket.id(), command.senderId(), receiver,
                MessageType.DIRECT.db(), body, command.channel().db(), command.externalId(), false, now));
        for (Attachment a : command.attachments()) {
            attachments.insert(row.id(), cut(a.fileName()), cut(a.contentType()), a, now);
        }
        audit.change(ticket.id(), command.senderId(), EventType.MESSAGE, "message_id", null, row.id().toString(),
                command.channel());
        announcements.message(ticket, row.id(), command.senderId(), command.channel());
        return new PostResult.Posted(row.toMessage(), ticket, reopened);
    }

    private Optional<Message> earlier(PostMessage command) {
        if (command.externalId() == null) {
            return Optional.empty();
        }
        return tx.executeRead(s -> messages.findByExternal(command.channel().db(), command.externalId())
                .map(MessageRow::toMessage));
    }

    private static String cut(String value) {
        return CleanText.cut(value, MAX_ATTACHMENT_NAME);
    }

    private static PostResult refused(Refusal refusal) {
        return new PostResult.Refused(refusal);
    }

}
