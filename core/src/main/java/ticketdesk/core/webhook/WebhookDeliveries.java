package ticketdesk.core.webhook;

import io.micronaut.context.BeanProvider;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import ticketdesk.core.Times;
import ticketdesk.core.audit.AuditLog;
import ticketdesk.core.audit.TicketEvent;
import ticketdesk.core.outbox.GiveUp;
import ticketdesk.core.outbox.Notification;
import ticketdesk.core.outbox.NotYet;
import ticketdesk.core.outbox.Outbox;

/**
 * Turns a queued webhook notification into its signed request. The body is the audit event as it was written, the
 * same on every retry; only the timestamp and signature are new. An endpoint gets a ticket's events in the order
 * they happened: a delivery waits, without using up an attempt, while an earlier one of the same ticket to the same
 * endpoint is still pending (retrying, or in another worker's hands).
 */
@Singleton
public class WebhookDeliveries {

    static final String ENDPOINT = "endpointId";
    static final String EVENT = "eventId";
    private static final Duration LOOK_AGAIN = Duration.ofSeconds(1);

    private final WebhookEndpointRepository endpoints;
    // looked up when first used: the outbox and the audit log are built with the notifiers, this one's adapter among them
    private final BeanProvider<AuditLog> audit;
    private final BeanProvider<Outbox> outbox;
    private final JsonMapper json;
    private final Times times;

    WebhookDeliveries(WebhookEndpointRepository endpoints, BeanProvider<AuditLog> audit, BeanProvider<Outbox> outbox,
                      JsonMapper json, Times times) {
        this.endpoints = endpoints;
        this.audit = audit;
        this.outbox = outbox;
        this.json = json;
        this.times = times;
    }

    /** The request to send; {@link NotYet} while an earlier delivery waits, {@link GiveUp} when it never can be. */
    public SignedDelivery prepare(Notification notification) {
        String endpointId = notification.payload(ENDPOINT);
        waitForEarlier(notification, endpointId);
        WebhookEndpointRow endpoint = endpoints.findById(Long.parseLong(endpointId))
                .orElseThrow(() -> new GiveUp("webhook #" + endpointId + " was removed"));
        if (!endpoint.active()) {
            throw new GiveUp("webhook #" + endpointId + " is switched off");
        }
        TicketEvent event = audit.get().event(Long.parseLong(notification.payload(EVENT)))
                .orElseThrow(() -> new GiveUp("event #" + notification.payload(EVENT) + " cannot be read"));
        String body = body(event);
        long timestamp = times.now().toEpochSecond(ZoneOffset.UTC);
        return new SignedDelivery(endpoint.url(), body, timestamp,
                WebhookSignature.sign(endpoint.secret(), timestamp, body), notification.id());
    }

    private void waitForEarlier(Notification notification, String endpointId) {
        Optional<LocalDateTime> blocker = outbox.get().earlierPending(notification).stream()
                .filter(waiting -> endpointId.equals(waiting.payload().get(ENDPOINT)))
                .map(Outbox.Waiting::nextAttemptAt).findFirst();
        if (blocker.isPresent()) {
            // looks again when the earlier one is next tried, and not sooner than a second from now
            LocalDateTime soonest = times.now().plus(LOOK_AGAIN);
            throw new NotYet("waits for an earlier event of ticket #" + notification.ticketId(),
                    blocker.get().isAfter(soonest) ? blocker.get() : soonest);
        }
    }

    private String body(TicketEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.id());
        body.put("type", event.type().db());
        body.put("ticketId", event.ticketId());
        body.put("actorId", event.actorId());
        body.put("fromStatus", event.fromStatus() == null ? null : event.fromStatus().db());
        body.put("toStatus", event.toStatus() == null ? null : event.toStatus().db());
        body.put("field", event.field());
        body.put("oldValue", event.oldValue());
        body.put("newValue", event.newValue());
        body.put("channel", event.channel().db());
        body.put("createdAt", event.createdAt().toInstant(ZoneOffset.UTC).toString());
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
