package ticketdesk.mail.inbound;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import ticketdesk.mail.MailSettings;

/**
 * {@code POST /mail/inbound}: one raw RFC 822 message, {@code Authorization: Bearer $MAIL_INBOUND_TOKEN}.
 * 503 while no token is configured, 401 without the right one; otherwise the recorded outcome, with 503
 * and Retry-After when handling failed for now (or another delivery is still at it), so the relay retries.
 */
@Controller("/mail/inbound")
@ExecuteOn(TaskExecutors.BLOCKING)
class InboundController {

    private static final String RETRY_AFTER = "60";

    private final InboundPipeline pipeline;
    private final MailSettings settings;

    InboundController(InboundPipeline pipeline, MailSettings settings) {
        this.pipeline = pipeline;
        this.settings = settings;
    }

    @Serdeable
    record Answer(String outcome, @Nullable Long ticketId, @Nullable String messageId, @Nullable String note,
                  @Nullable String firstOutcome) {
    }

    @Serdeable
    record Problem(String error) {
    }

    @Post(consumes = {"message/rfc822", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN},
            produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> receive(@Nullable @Header("Authorization") String authorization, @Nullable @Body byte[] raw) {
        String token = settings.getInboundToken();
        if (token == null) {
            return HttpResponse.serverError().status(503)
                    .body(new Problem("inbound mail is not configured: set MAIL_INBOUND_TOKEN"));
        }
        if (!authorized(authorization, token)) {
            return HttpResponse.unauthorized().header("WWW-Authenticate", "Bearer")
                    .body(new Problem("a valid bearer token is required"));
        }
        if (raw == null || raw.length == 0) {
            return HttpResponse.badRequest(new Problem("the body must be one raw RFC 822 message"));
        }
        InboundPipeline.Received received = pipeline.receive(raw, "webhook");
        Answer answer = new Answer(received.outcome().db(), received.ticketId(), received.messageKey(),
                received.note(), received.earlier() == null ? null : received.earlier().db());
        if (received.retryable()) {
            // the relay keeps the mail and delivers it again, so nothing is lost to a passing failure
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER)
                    .body(answer);
        }
        return HttpResponse.ok(answer);
    }

    private static boolean authorized(String header, String token) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }
}
