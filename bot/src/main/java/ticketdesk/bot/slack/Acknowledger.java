package ticketdesk.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Bolt on a request and makes sure Slack has its answer within its 3 s, whatever the database does:
 * past {@code slack.ack-deadline} Slack gets a plain ack, and the handler's answer, when it comes, follows
 * as a note ({@link LateAnswers}); more requests than can wait are refused at once. Work a handler left for
 * after the ack starts once the answer is out. A replay of a request already accepted gets its answer and
 * does nothing ({@link AcceptedRequests}).
 */
@Singleton
class Acknowledger {

    static final String STILL_WORKING = "Still working on it; the answer will appear here in a moment.";
    static final String BUSY = "ticketdesk is too busy to take that right now, so nothing was done;"
            + " please try again in a moment.";
    static final String FAILED = "Sorry, ticketdesk could not do that just now; please try again in a moment.";
    private static final Logger LOG = LoggerFactory.getLogger(Acknowledger.class);

    private final App app;
    private final ButtonPresses buttons;
    private final ThreadReplies replies;
    private final AcceptedRequests accepted;
    private final AfterAck afterAck;
    private final LateAnswers lateAnswers;
    private final SlackSettings settings;
    private final ExecutorService handlers;

    Acknowledger(App app, ButtonPresses buttons, ThreadReplies replies, AcceptedRequests accepted, AfterAck afterAck,
                 LateAnswers lateAnswers, SlackSettings settings) {
        this.app = app;
        this.buttons = buttons;
        this.replies = replies;
        this.accepted = accepted;
        this.afterAck = afterAck;
        this.lateAnswers = lateAnswers;
        this.settings = settings;
        int threads = Math.max(2, settings.getHandlerThreads());
        this.handlers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, settings.getHandlerQueue())), AfterAck.named("slack-handler"));
    }

    private record Handled(Response response, List<Runnable> afterAck) {
    }

    @FunctionalInterface
    private interface Work {
        Response run() throws Exception;
    }

    /**
     * Handles Bolt's request; {@code receivedNanos} is when it arrived, from which the deadline counts. The
     * answer completes on the handler's thread, or at the deadline; no thread waits for it.
     */
    CompletableFuture<Response> handle(Request<?> request, RequestKey key, long receivedNanos) {
        RequestType type = request.getRequestType();
        Work work = type == RequestType.UrlVerification || type == RequestType.SSLCheck ? () -> app.run(request)
                : once(key, type, () -> app.run(request));
        return handle(type, work, late -> lateAnswers.tell(request, late), AckAnswers.busy(type), text -> { },
                receivedNanos);
    }

    /**
     * Handles a card's button press ({@link ButtonPresses}); Slack shows nothing of its ack's body, so a press
     * refused or failed is told to the presser as a note. Its answer is known before the press is made, so
     * accepting it is one INSERT (a claim storm's clicks pay for no more).
     */
    CompletableFuture<Response> handle(ButtonPress press, RequestKey key, long receivedNanos) {
        return handle(RequestType.BlockAction, () -> {
            if (accepted.accept(key, Response.ok(), Response.ok()).isEmpty()) {
                buttons.press(press);
            }
            return Response.ok();
        }, late -> { }, Response.ok(), text -> buttons.tell(press, text), receivedNanos);
    }

    /** Handles a person's message in a thread ({@link ThreadReplies}). */
    CompletableFuture<Response> handle(ThreadMessage message, RequestKey key, long receivedNanos) {
        return handle(RequestType.Event, once(key, RequestType.Event, () -> {
            replies.reply(message);
            return Response.ok();
        }), late -> { }, AckAnswers.busy(RequestType.Event), text -> { }, receivedNanos);
    }

    /** The work, done on the request's first arrival only; a replay gets the first one's answer. */
    private Work once(RequestKey key, RequestType type, Work work) {
        return () -> {
            Optional<Response> replay = accepted.accept(key, null, AckAnswers.stillWorking(type));
            if (replay.isPresent()) {
                return replay.get();
            }
            Response answer;
            try {
                answer = work.run();
            } catch (Exception e) {
                accepted.answered(key, AckAnswers.failure(type));
                throw e;
            }
            accepted.answered(key, answer);
            return answer;
        };
    }

    /**
     * {@code busy} is the answer when too many requests wait; {@code tell} also tells the person, after the
     * ack, that their request was refused or failed.
     */
    private CompletableFuture<Response> handle(RequestType type, Work work, Consumer<Response> lateAnswer,
                                               Response busy, Consumer<String> tell, long receivedNanos) {
        CompletableFuture<Handled> handling;
        try {
            handling = CompletableFuture.supplyAsync(() -> run(work), handlers);
        } catch (RejectedExecutionException e) {
            LOG.warn("Slack {} request refused: {} requests are already waiting", type, settings.getHandlerQueue());
            afterAck.later(() -> tell.accept(BUSY));
            return CompletableFuture.completedFuture(busy);
        }
        long left = settings.getAckDeadline().toNanos() - (System.nanoTime() - receivedNanos);
        CompletableFuture<Response> answer = new CompletableFuture<>();
        handling.whenComplete((handled, error) -> {
            if (error != null) {
                if (!answer.complete(failed(type, error instanceof CompletionException ? error.getCause() : error))) {
                    LOG.warn("a late Slack {} request failed: {}", type, error.toString(), error);
                }
                afterAck.later(() -> tell.accept(FAILED));
            } else if (answer.complete(handled.response())) {
                afterAck.start(handled.afterAck());
            } else {
                finishLate(type, lateAnswer, handled);
            }
        });
        return answer.completeOnTimeout(AckAnswers.stillWorking(type), Math.max(left, 0), TimeUnit.NANOSECONDS);
    }

    private Handled run(Work work) {
        afterAck.open();
        try {
            return new Handled(work.run(), afterAck.close());
        } catch (Exception e) {
            afterAck.close();
            throw new CompletionException(e);
        }
    }

    private void finishLate(RequestType type, Consumer<Response> lateAnswer, Handled handled) {
        try {
            lateAnswer.accept(handled.response());
        } catch (RuntimeException e) {
            LOG.warn("the late answer to a Slack {} request was lost: {}", type, e.toString(), e);
        }
        afterAck.start(handled.afterAck());
    }

    private static Response failed(RequestType type, Throwable error) {
        LOG.warn("Slack {} request failed: {}", type, String.valueOf(error), error);
        return AckAnswers.failure(type);
    }

    /** A stopping instance finishes what Slack was already told it would do (a rolling restart loses nothing). */
    @PreDestroy
    void stop() throws InterruptedException {
        handlers.shutdown();
        if (!handlers.awaitTermination(settings.getAckDeadline().toMillis() + 10_000, TimeUnit.MILLISECONDS)) {
            LOG.warn("Slack requests still running at shutdown: {}", handlers.shutdownNow().size());
        }
    }
}
