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
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import ticketdesk.mail.MailSettings;
import ticketdesk.mail.spool.RawMail;

/**
 * {@code POST /mail/inbound}: one raw RFC 822 message, {@code Authorization: Bearer $MAIL_INBOUND_TOKEN}.
 * 503 while no token is configured, 401 without the right one, 413 above MAIL_INBOUND_MAX_SIZE; otherwise the
 * recorded outcome, with 503 and Retry-After when handling failed for now (or another delivery is still at it), so
 * the relay retries.
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

    /**
     * The body is streamed to a temporary file as it arrives (never whole in the heap) and handled from there, so
     * a message up to MAIL_INBOUND_MAX_SIZE is taken; a larger one is answered 413 without being read further.
     */
    @Post(consumes = {"message/rfc822", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN},
            produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> receive(@Nullable @Header("Authorization") String authorization,
                            @Nullable @Header(HttpHeaders.CONTENT_LENGTH) Long length,
                            @Nullable @Body InputStream body) throws IOException {
        String token = settings.getInboundToken();
        if (token == null) {
            return HttpResponse.serverError().status(503)
                    .body(new Problem("inbound mail is not configured: set MAIL_INBOUND_TOKEN"));
        }
        if (!authorized(authorization, token)) {
            return HttpResponse.unauthorized().header("WWW-Authenticate", "Bearer")
                    .body(new Problem("a valid bearer token is required"));
        }
        long max = settings.getInboundMaxSize();
        if (body == null) {
            return empty();
        }
        if (length != null && length > max) {
            return tooLarge(length <= 2 * max ? body : null, length);
        }
        try (InputStream in = body; RawMail raw = RawMail.spool(in, max)) {
            if (!raw.complete()) {
                return tooLarge(in, max);
            }
            return raw.size() == 0 ? empty() : answer(pipeline.receive(raw, "webhook"));
        } catch (IOException e) {
            if (e.getCause() instanceof ContentLengthExceededException) {
                return tooLarge(null, 0); // the server's own limit (micronaut.server.max-request-size) came first
            }
            throw e;
        }
    }

    private HttpResponse<?> answer(InboundPipeline.Received received) {
        Answer answer = new Answer(received.outcome().db(), received.ticketId(), received.messageKey(),
                received.note(), received.earlier() == null ? null : received.earlier().db());
        if (received.retryable()) {
            // the relay keeps the mail and delivers it again, so nothing is lost to a passing failure
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER)
                    .body(answer);
        }
        return HttpResponse.ok(answer);
    }

    /**
     * A permanent refusal: the relay bounces the mail to its sender rather than retrying it. The rest of the body
     * ({@code unread} bytes at most; the caller reads no more than twice MAIL_INBOUND_MAX_SIZE in all) is read and
     * dropped first, and the connection then closed: a client that sends its whole body before reading the answer
     * gets the 413 rather than a reset connection.
     */
    private HttpResponse<?> tooLarge(InputStream rest, long unread) {
        if (rest != null) {
            discard(rest, unread);
        }
        return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                .body(new Problem("the message is larger than " + settings.getInboundMaxSize()
                        + " bytes (MAIL_INBOUND_MAX_SIZE); it was not taken"));
    }

    private static void discard(InputStream in, long atMost) {
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            for (long read = 0; read < atMost; ) {
                int n = in.read(buffer);
                if (n < 0) {
                    return;
                }
                read += n;
            }
        } catch (IOException e) {
            // the client or the server's own limit ended it; the answer is the same
        }
    }

    private static HttpResponse<?> empty() {
        return HttpResponse.badRequest(new Problem("the body must be one raw RFC 822 message"));
    }

    private static boolean authorized(String header, String token) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }
}
