package ticketdesk.bot.slack;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that must wait until Slack has its ack: {@code views.open} (whose trigger_id lives 3 s), a first-time
 * user's {@code users.info}, and handing notes to {@link SlackNotes}. A handler calls {@link #later}; the
 * request's tasks start once its response has been handed back.
 */
@Singleton
public class AfterAck {

    private static final Logger LOG = LoggerFactory.getLogger(AfterAck.class);
    private static final ThreadLocal<List<Runnable>> PENDING = new ThreadLocal<>();

    private final ExecutorService executor = Executors.newFixedThreadPool(4, named("slack-after-ack"));

    public void later(Runnable task) {
        List<Runnable> pending = PENDING.get();
        if (pending == null) {
            start(List.of(task));
        } else {
            pending.add(task);
        }
    }

    /**
     * Like {@link #later}, for a task that only hands work on to an executor of its own: it runs on the handler
     * thread that handed the response back, rather than on this pool, saving a thread switch per note in a
     * claim storm.
     */
    void handOff(Runnable task) {
        later(new HandOff(task));
    }

    private record HandOff(Runnable task) implements Runnable {
        @Override
        public void run() {
            task.run();
        }
    }

    void open() {
        PENDING.set(new ArrayList<>());
    }

    List<Runnable> close() {
        List<Runnable> pending = PENDING.get();
        PENDING.remove();
        return pending == null ? List.of() : pending;
    }

    void start(List<Runnable> tasks) {
        for (Runnable task : tasks) {
            if (task instanceof HandOff handOff) {
                try {
                    handOff.run();
                } catch (RuntimeException e) {
                    LOG.warn("handing work on after a Slack ack failed: {}", e.toString(), e);
                }
                continue;
            }
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("work after a Slack ack failed: {}", e.toString(), e);
                }
            });
        }
    }

    /** Notes and calls already promised (a losing claimer's note) go out before the instance stops. */
    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("work after a Slack ack still queued at shutdown: {}", executor.shutdownNow().size());
        }
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
