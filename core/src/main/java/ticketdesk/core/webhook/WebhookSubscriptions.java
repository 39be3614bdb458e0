package ticketdesk.core.webhook;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Map;
import ticketdesk.core.Channel;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.outbox.Outbox;

/**
 * Queues an audit event for every active endpoint that wants its type, in the transaction that writes the event
 * (core's AuditLog calls this for each ticket_events row it writes), so an event reaches the outbox exactly when it
 * exists. The endpoints are read anew for each event: a tiny table, and no instance misses one just registered.
 */
@Singleton
public class WebhookSubscriptions {

    private final WebhookEndpointRepository endpoints;
    private final Outbox outbox;

    WebhookSubscriptions(WebhookEndpointRepository endpoints, Outbox outbox) {
        this.endpoints = endpoints;
        this.outbox = outbox;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void written(long eventId, long ticketId, EventType type) {
        if (!outbox.delivers(Channel.WEBHOOK)) {
            return;
        }
        for (WebhookEndpointRow endpoint : endpoints.listActive()) {
            if (endpoint.toEndpoint().wants(type)) {
                outbox.enqueue(ticketId, null, Channel.WEBHOOK, NotificationKind.EVENT,
                        Map.of(WebhookDeliveries.ENDPOINT, endpoint.id().toString(),
                                WebhookDeliveries.EVENT, Long.toString(eventId)));
            }
        }
    }
}
