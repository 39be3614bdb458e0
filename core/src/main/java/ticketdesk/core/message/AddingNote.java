package ticketdesk.core.message;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Optional;
import ticketdesk.core.Refusal;
import ticketdesk.core.Times;
import ticketdesk.core.audit.AuditLog;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.text.CleanText;
import ticketdesk.core.ticket.Actors;
import ticketdesk.core.ticket.Announcements;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.ticket.TicketQueries;
import ticketdesk.core.ticket.Visibility;

/**
 * Rule 14: the holder, a responder who may see the ticket, or an admin adds an internal note. It is stored
 * once (dedupe on channel + external id, as replies are), written in the timeline, and reaches responders
 * and admins where they follow the ticket, never the requester.
 */
@Singleton
public class AddingNote {

    private final MessageRepository messages;
    private final Actors actors;
    private final TicketQueries tickets;
    private final AuditLog audit;
    private final Announcements announcements;
    private final TransactionOperations<Connection> tx;
    private final Times times;

    AddingNote(MessageRepository messages, Actors actors, TicketQueries tickets, AuditLog audit,
               Announcements announcements, TransactionOperations<Connection> tx, Times times) {
        this.messages = messages;
        this.actors = actors;
        this.tickets = tickets;
        this.audit = audit;
        this.announcements = announcements;
        this.tx = tx;
        this.times = times;
    }

    public PostResult add(AddNote command) {
        try {
            return tx.executeWrite(status -> store(command));
        } catch (DataAccessException e) {
            return earlier(command).<PostResult>map(PostResult.Duplicate::new).orElseThrow(() -> e);
        }
    }

    private PostResult store(AddNote command) {
        Optional<Message> earlier = earlier(command);
        if (earlier.isPresent()) {
            return new PostResult.Duplicate(earlier.get());
        }
        String body = command.body() == null ? "" : CleanText.lines(command.body()).strip();
        Actors.Acting author = actors.load(command.authorId());
        Ticket ticket = tickets.byId(command.ticketId()).orElse(null);
        Optional<Refusal> refusal = bodyRefusal(body, command.externalId())
                .or(() -> authorRefusal(author, ticket, command.ticketId()));
        if (refusal.isPresent()) {
            return new PostResult.Refused(refusal.get());
        }
        MessageRow row = messages.save(new MessageRow(null, ticket.id(), command.authorId(), null,
                MessageType.NOTE.db(), body, command.channel().db(), command.externalId(), false, times.now()));
        audit.change(ticket.id(), command.authorId(), EventType.NOTE, "message_id", null, row.id().toString(),
                command.channel());
        announcements.note(ticket, row.id(), command.authorId(), command.channel());
        return new PostResult.Posted(row.toMessage(), ticket, false);
    }

    private static Optional<Refusal> bodyRefusal(String body, String externalId) {
        if (body.isEmpty()) {
            return Optional.of(Refusal.invalid("body", "the note is empty"));
        }
        if (body.length() > PostingMessage.MAX_BODY) {
            return Optional.of(Refusal.invalid("body", "the note is longer than " + PostingMessage.MAX_BODY + " characters"));
        }
        if (externalId != null && externalId.length() > PostingMessage.MAX_EXTERNAL_ID) {
            return Optional.of(Refusal.invalid("the note's id is longer than " + PostingMessage.MAX_EXTERNAL_ID
                    + " characters"));
        }
        return Optional.empty();
    }

    private Optional<Refusal> authorRefusal(Actors.Acting author, Ticket ticket, long ticketId) {
        if (author.refused()) {
            return Optional.of(author.refusal());
        }
        if (!author.user().canWorkTickets()) {
            return Optional.of(Refusal.wrongRole("only responders and admins can add internal notes"));
        }
        if (ticket == null || !Visibility.canSee(author.user(), ticket, tickets.hasDeclined(author.user().id(), ticketId))) {
            return Optional.of(Refusal.notFound("ticket #" + ticketId));
        }
        return Optional.empty();
    }

    private Optional<Message> earlier(AddNote command) {
        if (command.externalId() == null) {
            return Optional.empty();
        }
        return tx.executeRead(s -> messages.findByExternal(command.channel().db(), command.externalId())
                .map(MessageRow::toMessage));
    }
}
