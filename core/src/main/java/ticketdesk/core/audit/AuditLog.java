package ticketdesk.core.audit;

import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import ticketdesk.core.Channel;
import ticketdesk.core.Times;
import ticketdesk.core.ticket.TicketStatus;

/**
 * Writes and reads {@code ticket_events}. Writing requires the caller's transaction, so an event
 * exists exactly when the change it describes does.
 */
@Singleton
public class AuditLog {

    private static final int MAX_VALUE = 2000;

    private final TicketEventRepository events;
    private final Times times;

    AuditLog(TicketEventRepository events, Times times) {
        this.events = events;
        this.times = times;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void transition(long ticketId, Long actorId, EventType type, TicketStatus from, TicketStatus to,
                           Channel channel) {
        write(ticketId, actorId, type, from, to, null, null, null, channel);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void change(long ticketId, Long actorId, EventType type, String field, String oldValue, String newValue,
                       Channel channel) {
        write(ticketId, actorId, type, null, null, field, oldValue, newValue, channel);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void write(long ticketId, Long actorId, EventType type, TicketStatus from, TicketStatus to, String field,
                      String oldValue, String newValue, Channel channel) {
        events.save(new TicketEventRow(null, ticketId, actorId, type.db(),
                from == null ? null : from.db(), to == null ? null : to.db(), field,
                clip(oldValue), clip(newValue), channel.db(), times.now()));
    }

    @ReadOnly
    public List<TicketEvent> timeline(long ticketId) {
        return events.timeline(ticketId).stream().map(TicketEventRow::toEvent).toList();
    }

    private static String clip(String value) {
        return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE - 1) + "…";
    }
}
