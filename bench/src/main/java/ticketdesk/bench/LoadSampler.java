package ticketdesk.bench;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Samples an instance's resident memory every 250 ms while a load runs. */
final class LoadSampler {

    private LoadSampler() {
    }

    static double peakRssDuring(AppInstance app, Supplier<?> load) {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong peakKb = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peakKb.accumulateAndGet((long) (app.rssMiB() * 1024), Math::max);
                AppInstance.sleep(250);
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        try {
            load.get();
        } finally {
            running.set(false);
        }
        peakKb.accumulateAndGet((long) (app.rssMiB() * 1024), Math::max);
        return peakKb.get() / 1024.0;
    }
}
