package ticketdesk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * Open-loop load: request i is due at {@code start + i / rate} whatever happened to the earlier ones,
 * and its latency is measured from that intended time, not from when it was actually sent, so a
 * stalled server shows up in the histogram instead of silently slowing the load (coordinated omission).
 */
public final class OpenLoop {

    /** Latencies in microseconds, requests sent, errors (non-2xx, failures, or no answer in time). */
    public record Result(Histogram latencyMicros, long sent, long errors, double seconds, String firstError) {
        public double percentileMillis(double p) {
            return latencyMicros.getValueAtPercentile(p) / 1000.0;
        }
    }

    private OpenLoop() {
    }

    public static Result run(HttpClient http, double ratePerSecond, Duration duration, IntFunction<HttpRequest> request,
                             Predicate<HttpResponse<String>> ok) {
        int total = (int) Math.round(ratePerSecond * duration.toMillis() / 1000.0);
        long period = (long) (1e9 / ratePerSecond);
        Histogram histogram = new SynchronizedHistogram(60_000_000L, 3);
        AtomicLong errors = new AtomicLong();
        AtomicLong firstErrorSet = new AtomicLong();
        String[] firstError = {null};
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long intended = start + i * period;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest r = request.apply(i);
            http.sendAsync(r, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                histogram.recordValue(Math.max(1, (System.nanoTime() - intended) / 1000));
                boolean good = failure == null && ok.test(response);
                if (!good) {
                    errors.incrementAndGet();
                    if (firstErrorSet.compareAndSet(0, 1)) {
                        firstError[0] = failure != null ? failure.toString()
                                : response.statusCode() + " " + abbreviate(response.body());
                    }
                }
                done.countDown();
            });
        }
        boolean all;
        try {
            all = done.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            all = false;
        }
        long unanswered = all ? 0 : done.getCount();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(histogram.copy(), total, errors.get() + unanswered, seconds, firstError[0]);
    }

    /**
     * The same open loop with requests prepared beforehand (signed, as bytes) and sent over keep-alive
     * connections of {@link RawHttp}, so the generator's own CPU stays out of the app's way. Request i is
     * due at {@code start + i / rate}; {@code connections} senders take the next due request in turn, and
     * when all are busy the next one goes out late, its lateness counted in its latency.
     */
    public static Result runRaw(URI base, double ratePerSecond, List<byte[]> requests, int connections,
                                Predicate<RawHttp.Answer> ok) {
        int total = requests.size();
        long period = (long) (1e9 / ratePerSecond);
        Histogram histogram = new SynchronizedHistogram(60_000_000L, 3);
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime() + 50_000_000L;
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread sender = new Thread(() -> {
                try (RawHttp connection = new RawHttp(base)) {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long intended = start + i * period;
                        long wait;
                        while ((wait = intended - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        RawHttp.Answer answer = null;
                        String failure = null;
                        try {
                            answer = connection.exchange(requests.get(i));
                        } catch (IOException e) {
                            failure = e.toString();
                        }
                        histogram.recordValue(Math.max(1, (System.nanoTime() - intended) / 1000));
                        if (answer == null || !ok.test(answer)) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, failure != null ? failure
                                    : answer.status() + " " + abbreviate(answer.body()));
                        }
                    }
                }
            }, "open-loop-" + c);
            sender.setDaemon(true);
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            try {
                sender.join(TimeUnit.MINUTES.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(histogram.copy(), total, errors.get(), seconds, firstError.get());
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
