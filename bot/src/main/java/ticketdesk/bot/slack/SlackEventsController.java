package ticketdesk.bot.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.request.Request;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /slack/events}: slash commands, interactivity and the Events API on one URL. The signature is
 * checked before anything else is looked at; then a card's button press goes to {@link ButtonPresses}, a
 * person's thread message to {@link ThreadReplies}, and anything else to Bolt, each keyed by its signature so
 * that a replay does nothing ({@link AcceptedRequests}).
 */
@Controller("/slack")
class SlackEventsController {

    static final String NOT_CONFIGURED = "Slack is not configured on this ticketdesk: set SLACK_SIGNING_SECRET"
            + " (and SLACK_BOT_TOKEN, SLACK_RESPONDER_CHANNEL) and restart.";

    /** Slack's largest requests (a modal's submission, a long message event) are a few hundred KB at most. */
    static final int MAX_BODY_CHARS = 1_000_000;

    private final SlackSettings settings;
    private final SignatureCheck signatures;
    private final BeanProvider<BoltBridge> bridge;
    private final BeanProvider<Acknowledger> acknowledger;

    /** Bolt's side is only built once a request can be verified, so no Slack settings is no start-up failure. */
    SlackEventsController(SlackSettings settings, BeanProvider<BoltBridge> bridge,
                          BeanProvider<Acknowledger> acknowledger) {
        this.settings = settings;
        this.signatures = settings.acceptsRequests() ? new SignatureCheck(settings.getSigningSecret()) : null;
        this.bridge = bridge;
        this.acknowledger = acknowledger;
    }

    /**
     * Runs on the event loop: checking, parsing and handing the request to {@link Acknowledger} take
     * microseconds, and the answer is written when the handler (or the ack deadline) completes it.
     */
    @Post(uri = "/events", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON},
            produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    CompletableFuture<HttpResponse<String>> events(HttpRequest<?> request, @Nullable @Body String body) {
        long received = System.nanoTime();
        if (!settings.acceptsRequests()) {
            return text(HttpStatus.SERVICE_UNAVAILABLE, NOT_CONFIGURED);
        }
        String raw = body == null ? "" : body;
        if (raw.length() > MAX_BODY_CHARS) {
            // refused before the signature is computed: anyone may send a body, and this runs on the event loop
            return text(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "Slack never sends a request this large ("
                    + raw.length() + " characters); it was ignored.");
        }
        if (!signedBySlack(request, raw)) {
            return text(HttpStatus.UNAUTHORIZED, "Invalid or expired Slack signature; the request was ignored.");
        }
        BoltBridge.Json json = BoltBridge.Json.of(raw);
        if (json.malformed()) {
            return text(HttpStatus.BAD_REQUEST, "The request body is malformed JSON, not a Slack payload"
                    + " ticketdesk can read; nothing was changed.");
        }
        RequestKey key = RequestKey.of(
                request.getHeaders().get(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
                request.getHeaders().get(SlackSignature.HeaderNames.X_SLACK_SIGNATURE));
        Optional<ButtonPress> press = ButtonPresses.read(json.json());
        if (press.isPresent()) {
            return acknowledger.get().handle(press.get(), key, received).thenApply(bridge.get()::toMicronaut);
        }
        Optional<ThreadMessage> message = ThreadReplies.read(json.json());
        if (message.isPresent()) {
            return acknowledger.get().handle(message.get(), key, received).thenApply(bridge.get()::toMicronaut);
        }
        Request<?> slackRequest;
        try {
            slackRequest = bridge.get().toBolt(request, raw);
        } catch (RuntimeException e) {
            slackRequest = null;
        }
        if (slackRequest == null) {
            return text(HttpStatus.BAD_REQUEST, "The request is not a kind of Slack request ticketdesk handles;"
                    + " nothing was changed.");
        }
        return acknowledger.get().handle(slackRequest, key, received).thenApply(bridge.get()::toMicronaut);
    }

    /** Builds Bolt's side at start-up when Slack is configured, so the first request is not the slow one. */
    @EventListener
    void warmUp(StartupEvent event) {
        if (settings.acceptsRequests()) {
            bridge.get();
            acknowledger.get();
        }
    }

    private boolean signedBySlack(HttpRequest<?> request, String body) {
        String timestamp = request.getHeaders().get(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = request.getHeaders().get(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        try {
            return signatures.signed(timestamp, body, signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static CompletableFuture<HttpResponse<String>> text(HttpStatus status, String text) {
        return CompletableFuture.completedFuture(
                HttpResponse.<String>status(status).contentType(MediaType.TEXT_PLAIN_TYPE).body(text));
    }
}
