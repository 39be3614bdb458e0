package ticketdesk.admin.api.webhooks;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import ticketdesk.core.Channel;
import ticketdesk.core.outbox.Notification;
import ticketdesk.core.outbox.Notifier;
import ticketdesk.core.webhook.SignedDelivery;
import ticketdesk.core.webhook.WebhookDeliveries;
import ticketdesk.core.webhook.WebhookSignature;

/**
 * Delivers the outbox's webhook notifications: core's {@link WebhookDeliveries} prepares the signed request, this
 * POSTs it. Any 2xx is delivered; anything else, or no answer within the timeout, is an error the outbox retries
 * with back-off until its last attempt.
 */
@Singleton
class WebhookNotifier implements Notifier {

    static final String DELIVERY_HEADER = "X-Ticketdesk-Delivery";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebhookDeliveries deliveries;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    WebhookNotifier(WebhookDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public void deliver(Notification notification) throws IOException, InterruptedException {
        SignedDelivery delivery = deliveries.prepare(notification);
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "ticketdesk-webhooks")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(delivery.timestamp()))
                .header(WebhookSignature.SIGNATURE_HEADER, delivery.signature())
                .header(DELIVERY_HEADER, Long.toString(delivery.deliveryId()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            String body = answer.body() == null ? "" : answer.body();
            throw new IOException(delivery.url() + " answered HTTP " + answer.statusCode()
                    + (body.isBlank() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) : body)));
        }
    }
}
