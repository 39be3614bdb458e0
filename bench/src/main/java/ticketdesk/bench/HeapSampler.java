package ticketdesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap and resident memory of an instance at their peaks while it runs: {@code jstat -gc} every 250 ms (it
 * reads the JVM's shared performance counters, no agent in the app) and {@code /proc/<pid>/status}.
 */
final class HeapSampler implements AutoCloseable {

    private final AppInstance app;
    private final Process jstat;
    private final AtomicLong heapPeakKb = new AtomicLong();
    private final AtomicLong oldPeakKb = new AtomicLong();
    private final AtomicLong rssPeakKb = new AtomicLong();
    private final Thread reader;
    private final Thread rss;
    private volatile boolean running = true;

    HeapSampler(AppInstance app) {
        this.app = app;
        try {
            this.jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(),
                    "-gc", Long.toString(app.pid()), "250").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("jstat (from the JDK running the bench) did not start", e);
        }
        reader = new Thread(this::readJstat, "heap-sampler");
        rss = new Thread(() -> {
            while (running) {
                rssPeakKb.accumulateAndGet((long) (app.rssMiB() * 1024), Math::max);
                AppInstance.sleep(250);
            }
        }, "rss-sampler");
        reader.setDaemon(true);
        rss.setDaemon(true);
        reader.start();
        rss.start();
    }

    /** Peak of the heap in use (young and old generations, garbage not yet collected included), MiB. */
    double heapPeakMiB() {
        return heapPeakKb.get() / 1024.0;
    }

    /** Peak of the old generation in use, where big arrays and what survives go, MiB. */
    double oldPeakMiB() {
        return oldPeakKb.get() / 1024.0;
    }

    double rssPeakMiB() {
        return Math.max(rssPeakKb.get(), (long) (app.rssMiB() * 1024)) / 1024.0;
    }

    private void readJstat() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(),
                StandardCharsets.UTF_8))) {
            String[] header = null;
            for (String line; (line = lines.readLine()) != null; ) {
                String[] cells = line.trim().split("\\s+");
                if (cells.length > 0 && cells[0].equals("S0C")) {
                    header = cells;
                } else if (header != null && cells.length == header.length) {
                    double old = cell(header, cells, "OU");
                    double used = cell(header, cells, "S0U") + cell(header, cells, "S1U") + cell(header, cells, "EU") + old;
                    heapPeakKb.accumulateAndGet((long) used, Math::max);
                    oldPeakKb.accumulateAndGet((long) old, Math::max);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the instance ended; the peaks so far stand
        }
    }

    private static double cell(String[] header, String[] cells, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return Double.parseDouble(cells[i]);
            }
        }
        return 0;
    }

    @Override
    public void close() {
        running = false;
        jstat.destroy();
    }
}
