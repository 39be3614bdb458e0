package ticketdesk.core.audit;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ticketdesk.core.Channel;
import ticketdesk.core.Times;
import ticketdesk.core.ticket.TicketStatus;
import ticketdesk.core.webhook.WebhookSubscriptions;

/**
 * Writes and reads {@code ticket_events}. Writing requires the caller's transaction, so an event
 * exists exactly when the change it describes does; so does its delivery to the webhooks that want it.
 */
@Singleton
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int MAX_VALUE = 2000;

    private final TicketEventRepository events;
    private final Times times;
    private final WebhookSubscriptions webhooks;

    AuditLog(TicketEventRepository events, Times times, WebhookSubscriptions webhooks) {
        this.events = events;
        this.times = times;
        this.webhooks = webhooks;
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
        TicketEventRow row = events.save(new TicketEventRow(null, ticketId, actorId, type.db(),
                from == null ? null : from.db(), to == null ? null : to.db(), field,
                clip(oldValue), clip(newValue), channel.db(), times.now()));
        webhooks.written(row.id(), ticketId, type);
    }

    /** One event by id; empty when there is none, or this version cannot read it. */
    public Optional<TicketEvent> event(long eventId) {
        try {
            return events.findById(eventId).map(TicketEventRow::toEvent);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /**
     * The ticket's events, oldest first. A row this version cannot read (an event type, status or channel
     * written by a newer version during a rolling upgrade) stays in the table and is logged, so the rest
     * of the history can still be shown.
     */
    public List<TicketEvent> timeline(long ticketId) {
        List<TicketEvent> timeline = new ArrayList<>();
        for (TicketEventRow row : events.timeline(ticketId)) {
            try {
                timeline.add(row.toEvent());
            } catch (IllegalArgumentException unknown) {
                LOG.warn("ticket_events #{} of ticket #{} is left out of the timeline: {}", row.id(), ticketId,
                        unknown.getMessage());
            }
        }
        return timeline;
    }

    private static String clip(String value) {
        return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE - 1) + "…";
    }
}
