package ticketdesk.core.ticket;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ticketdesk.core.Refusal;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.ticket.Commands.ChangeTicket;
import ticketdesk.core.user.User;

/**
 * Rule 12: the requester while the ticket is pending, its holder, or an admin changes its title, description,
 * priority or category; one {@code changed} event per field that really changed, with its old and new value.
 * A closed ticket is changed by an admin only.
 */
@Singleton
public class ChangingTicket {

    private final TicketWork work;

    ChangingTicket(TicketWork work) {
        this.work = work;
    }

    @Transactional
    public ChangeResult change(ChangeTicket command) {
        TicketWork.Locked locked = work.lock(command.actorId(), command.ticketId());
        if (locked.refused()) {
            return new ChangeResult.Refused(locked.refusal());
        }
        Ticket ticket = locked.ticket();
        Wanted wanted = Wanted.of(ticket, command);
        Optional<Refusal> refusal = permission(locked.actor(), ticket)
                .or(() -> TicketText.titleRefusal(wanted.title))
                .or(() -> TicketText.descriptionRefusal(wanted.description))
                .or(() -> TicketText.categoryRefusal(wanted.category));
        if (refusal.isPresent()) {
            return new ChangeResult.Refused(refusal.get());
        }
        Map<String, String[]> changes = wanted.changesFrom(ticket);
        if (changes.isEmpty()) {
            return new ChangeResult.Changed(ticket);
        }
        work.tickets.edit(ticket.id(), wanted.title, wanted.description, wanted.priority.db(), wanted.category,
                work.now());
        changes.forEach((field, values) -> work.audit.change(ticket.id(), command.actorId(), EventType.CHANGED,
                field, values[0], values[1], command.channel()));
        Ticket after = work.reload(ticket.id());
        work.announcements.edited(after, command.actorId(), String.join(",", changes.keySet()));
        return new ChangeResult.Changed(after);
    }

    private static Optional<Refusal> permission(User actor, Ticket ticket) {
        if (actor.isAdmin()) {
            return Optional.empty();
        }
        if (!ticket.status().isOpen()) {
            return Optional.of(Refusal.illegal("ticket #" + ticket.id() + " is " + ticket.status().db()
                    + "; only an admin can change it now"));
        }
        if (ticket.isHeldBy(actor.id())
                || (ticket.requesterId() == actor.id() && ticket.status() == TicketStatus.PENDING)) {
            return Optional.empty();
        }
        return Optional.of(Refusal.notAllowed(ticket.requesterId() == actor.id()
                ? "ticket #" + ticket.id() + " is claimed now; ask its responder to change it"
                : "only the requester while it is pending, the holder or an admin can change ticket #" + ticket.id()));
    }

    /** The fields as they would be after the command: what it names, and the ticket's own for the rest. */
    private record Wanted(String title, String description, Priority priority, String category) {

        static Wanted of(Ticket ticket, ChangeTicket command) {
            return new Wanted(
                    command.title() == null ? ticket.title() : TicketText.title(command.title()),
                    command.description() == null ? ticket.description() : TicketText.description(command.description()),
                    command.priority() == null ? ticket.priority() : command.priority(),
                    command.category() == null ? ticket.category() : TicketText.category(command.category()));
        }

        /** Column name to {old, new}, in the order of the columns, for the fields that differ. */
        Map<String, String[]> changesFrom(Ticket ticket) {
            Map<String, String[]> changes = new LinkedHashMap<>();
            put(changes, "title", ticket.title(), title);
            put(changes, "description", ticket.description(), description);
            put(changes, "priority", ticket.priority().db(), priority.db());
            put(changes, "category", ticket.category(), category);
            return changes;
        }

        private static void put(Map<String, String[]> changes, String field, String before, String after) {
            if (!Objects.equals(before, after)) {
                changes.put(field, new String[] {before, after});
            }
        }
    }
}
