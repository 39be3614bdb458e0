package ticketdesk.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * Throughput: a fixed list of requests sent by {@code concurrency} workers as fast as they are answered.
 * Latency here is service time (send to answer), not the open-loop figure.
 */
public final class ClosedLoop {

    private ClosedLoop() {
    }

    public static OpenLoop.Result run(HttpClient http, int concurrency, List<HttpRequest> requests,
                                      Predicate<HttpResponse<String>> ok) {
        return run(http, concurrency, requests, ok, false);
    }

    /**
     * As {@link #run(HttpClient, int, List, Predicate)}; with {@code asARelay}, a 503 is retried after its
     * Retry-After (at most 1 s, at most 20 times) as a mail relay would, and only the final answer counts.
     */
    public static OpenLoop.Result run(HttpClient http, int concurrency, List<HttpRequest> requests,
                                      Predicate<HttpResponse<String>> ok, boolean asARelay) {
        SynchronizedHistogram latency = new SynchronizedHistogram(60_000_000L, 3);
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.execute(() -> {
                for (int i; (i = next.getAndIncrement()) < requests.size(); ) {
                    long sent = System.nanoTime();
                    String problem;
                    try {
                        HttpResponse<String> r = asARelay ? Relay.deliver(http, requests.get(i))
                                : http.send(requests.get(i), HttpResponse.BodyHandlers.ofString());
                        problem = ok.test(r) ? null : r.statusCode() + " " + OpenLoop.abbreviate(r.body());
                    } catch (Exception e) {
                        problem = e.toString();
                    }
                    latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                    if (problem != null) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, problem);
                    }
                }
            });
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.MINUTES)) {
                workers.shutdownNow();
                throw new IllegalStateException("requests still unanswered after 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new OpenLoop.Result(latency.copy(), requests.size(), errors.get(), seconds, firstError.get());
    }
}
