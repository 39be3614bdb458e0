package ticketdesk.bot.slack;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ticketdesk.core.Channel;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.outbox.Outbox;
import ticketdesk.core.outbox.RetryLater;

/**
 * Ephemeral notes to one Slack user ("already claimed by @alice"). A note changes nothing, so it needs no
 * transaction: once the request has its ack it goes straight to Slack, on threads of its own (so a storm of
 * notes never delays {@code views.open}, whose trigger lives 3 s), and it waits in the outbox, to be retried
 * there like any notification, when that fails, when more than {@value #QUEUE} notes are waiting, when
 * Slack was unavailable in the last 30 s, or when the instance stops. Either way {@link SlackWeb#note}
 * sends it. Going around the outbox matters in a claim storm, where nineteen of every twenty clicks end in
 * such a note.
 */
@Singleton
public class SlackNotes {

    /** After Slack was unreachable (or said 5xx or 429), notes go to the outbox for this long. */
    static final long DIRECT_PAUSE_NANOS = 30_000_000_000L;
    static final int QUEUE = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(SlackNotes.class);

    private final Outbox outbox;
    private final SlackWeb web;
    private final SlackSettings settings;
    private final AfterAck afterAck;
    private final ThreadPoolExecutor senders = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), AfterAck.named("slack-notes"));
    private volatile long directPausedUntil = System.nanoTime();

    SlackNotes(Outbox outbox, SlackWeb web, SlackSettings settings, AfterAck afterAck) {
        this.outbox = outbox;
        this.web = web;
        this.settings = settings;
        this.afterAck = afterAck;
    }

    /** Tells the person {@code text} once the request being handled has its ack. */
    void tell(Where where, String text) {
        Note note = new Note(where, text);
        if (!settings.canCallSlack() || paused()) {
            note.enqueue();
            return;
        }
        afterAck.handOff(() -> {
            try {
                senders.execute(note);
            } catch (RejectedExecutionException e) {
                afterAck.later(note::enqueue);
            }
        });
    }

    private boolean paused() {
        return System.nanoTime() - directPausedUntil < 0;
    }

    /** What is still queued when the instance stops waits in the outbox instead of being lost. */
    @PreDestroy
    void stop() throws InterruptedException {
        senders.shutdown();
        if (!senders.awaitTermination(5, TimeUnit.SECONDS)) {
            for (Runnable queued : senders.shutdownNow()) {
                if (queued instanceof Note note) {
                    note.enqueue();
                }
            }
        }
    }

    private final class Note implements Runnable {

        private final Where where;
        private final String text;

        Note(Where where, String text) {
            this.where = where;
            this.text = text;
        }

        @Override
        public void run() {
            if (paused()) {
                enqueue();
                return;
            }
            try {
                web.note(where, text);
            } catch (RetryLater e) {
                pause(e);
            } catch (SlackCallFailed e) {
                if (e.slackUnavailable()) {
                    pause(e);
                } else {
                    LOG.info("a note could not go straight to Slack ({}); it waits in the outbox", e.getMessage());
                    enqueue();
                }
            } catch (RuntimeException e) {
                LOG.warn("a note could not go straight to Slack: {}", e.toString(), e);
                enqueue();
            }
        }

        private void pause(RuntimeException e) {
            directPausedUntil = System.nanoTime() + DIRECT_PAUSE_NANOS;
            LOG.info("Slack is unavailable ({}); notes wait in the outbox for the next 30 s", e.getMessage());
            enqueue();
        }

        void enqueue() {
            Map<String, String> payload = new HashMap<>();
            put(payload, "channel", where.channel());
            put(payload, "user", where.user());
            put(payload, "responseUrl", where.responseUrl());
            payload.put("text", text);
            outbox.enqueue(where.ticketId(), null, Channel.SLACK, NotificationKind.NOTE, payload);
        }
    }

    private static void put(Map<String, String> payload, String key, String value) {
        if (value != null && !value.isBlank()) {
            payload.put(key, value);
        }
    }
}
