package ticketdesk.app.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /metrics}: the Prometheus text of every meter, for a scraper that sends
 * {@code Authorization: Bearer $TICKETDESK_METRICS_TOKEN}. Without that setting nothing is exposed (401 says how to
 * turn it on): figures about who works on what are not for anyone who can reach the port.
 */
@Controller("/metrics")
@ExecuteOn(TaskExecutors.BLOCKING)
class MetricsController {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry prometheus;
    private final HelpDeskGauges gauges;
    private final byte[] token;

    MetricsController(PrometheusMeterRegistry prometheus, HelpDeskGauges gauges,
                      @Value("${ticketdesk.metrics.token:}") String token) {
        this.prometheus = prometheus;
        this.gauges = gauges;
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Get
    HttpResponse<String> scrape(HttpRequest<?> request) {
        if (token.length == 0) {
            return HttpResponse.<String>status(HttpStatus.UNAUTHORIZED)
                    .body("Metrics are off: set TICKETDESK_METRICS_TOKEN and scrape with Authorization: Bearer <it>.\n");
        }
        String given = request.getHeaders().getAuthorization().filter(h -> h.startsWith("Bearer "))
                .map(h -> h.substring("Bearer ".length()).strip()).orElse("");
        if (!MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            return HttpResponse.<String>status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Bearer")
                    .body("Send Authorization: Bearer $TICKETDESK_METRICS_TOKEN.\n");
        }
        gauges.refresh();
        return HttpResponse.ok(prometheus.scrape()).contentType(CONTENT_TYPE);
    }
}
