package ticketdesk.core.webhook;

/**
 * One webhook request, ready to send: POST {@code body} (JSON) to {@code url} with the timestamp and signature
 * headers of {@link WebhookSignature}, and {@code deliveryId} (the same on every retry) for the receiver's dedupe.
 */
public record SignedDelivery(String url, String body, long timestamp, String signature, long deliveryId) {
}
