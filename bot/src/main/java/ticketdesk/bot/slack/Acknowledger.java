package ticketdesk.bot.slack;

import com.google.gson.JsonObject;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Bolt on a request and makes sure Slack has its answer within its 3 s, whatever the database does:
 * past {@code slack.ack-deadline} Slack gets a plain ack, and the handler's answer, when it comes, follows
 * as a note through the outbox ({@link LateAnswers}). Work a handler left for after the ack starts once the
 * answer is out.
 */
@Singleton
class Acknowledger {

    static final String STILL_WORKING = "Still working on it; the answer will appear here in a moment.";
    private static final Logger LOG = LoggerFactory.getLogger(Acknowledger.class);

    private final App app;
    private final AfterAck afterAck;
    private final LateAnswers lateAnswers;
    private final SlackSettings settings;
    private final ExecutorService handlers;

    Acknowledger(App app, AfterAck afterAck, LateAnswers lateAnswers, SlackSettings settings) {
        this.app = app;
        this.afterAck = afterAck;
        this.lateAnswers = lateAnswers;
        this.settings = settings;
        this.handlers = Executors.newFixedThreadPool(Math.max(2, settings.getHandlerThreads()),
                AfterAck.named("slack-handler"));
    }

    private record Handled(Response response, List<Runnable> afterAck) {
    }

    /** Handles the request; {@code receivedNanos} is when it arrived, from which the deadline counts. */
    Response handle(Request<?> request, long receivedNanos) {
        CompletableFuture<Handled> work = CompletableFuture.supplyAsync(() -> run(request), handlers);
        long left = settings.getAckDeadline().toNanos() - (System.nanoTime() - receivedNanos);
        try {
            Handled handled = work.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            afterAck.start(handled.afterAck());
            return handled.response();
        } catch (TimeoutException e) {
            work.whenComplete((handled, error) -> finishLate(request, handled, error));
            return stillWorking(request);
        } catch (ExecutionException e) {
            return failed(request, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(request, e);
        }
    }

    private Handled run(Request<?> request) {
        afterAck.open();
        try {
            return new Handled(app.run(request), afterAck.close());
        } catch (Exception e) {
            afterAck.close();
            throw new CompletionException(e);
        }
    }

    private void finishLate(Request<?> request, Handled handled, Throwable error) {
        if (error != null) {
            LOG.warn("a late Slack {} request failed: {}", request.getRequestType(), error.toString(), error);
            return;
        }
        try {
            lateAnswers.tell(request, handled.response());
        } catch (RuntimeException e) {
            LOG.warn("the late answer to a Slack {} request was lost: {}", request.getRequestType(), e.toString(), e);
        }
        afterAck.start(handled.afterAck());
    }

    private static Response stillWorking(Request<?> request) {
        if (request.getRequestType() == RequestType.Command) {
            return ephemeral(STILL_WORKING);
        }
        return Response.ok();
    }

    private static Response failed(Request<?> request, Throwable error) {
        LOG.warn("Slack {} request failed: {}", request.getRequestType(), String.valueOf(error), error);
        if (request.getRequestType() == RequestType.Event) {
            return Response.builder().statusCode(500).contentType("text/plain").body("failed; retry").build();
        }
        if (request.getRequestType() == RequestType.Command) {
            return ephemeral("Sorry, ticketdesk could not do that just now; please try again in a moment.");
        }
        return Response.ok();
    }

    private static Response ephemeral(String text) {
        JsonObject body = new JsonObject();
        body.addProperty("response_type", "ephemeral");
        body.addProperty("text", text);
        return Response.json(200, body.toString());
    }

    @PreDestroy
    void stop() {
        handlers.shutdown();
    }
}
