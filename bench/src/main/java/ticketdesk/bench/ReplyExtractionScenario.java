package ticketdesk.bench;

import java.util.Arrays;
import java.util.function.Supplier;
import ticketdesk.mail.reply.HtmlText;
import ticketdesk.mail.reply.ReplyExtractor;

/**
 * Reply extraction on hostile bodies, in this JVM: the code of mail-ingest that the pipeline runs on every
 * inbound mail ({@link HtmlText} for HTML-only mail, then {@link ReplyExtractor}), timed on a 1 MB body, a
 * quote of 100,000 {@code >} lines, a 1 MB line without a newline and HTML quotes nested 100,000 deep.
 * Each is run {@value #WARM_UP} times to warm the JIT, then timed {@value #RUNS} times; the slowest run is
 * the figure. A scaling check shows the time grows with the input, not with its square.
 */
final class ReplyExtractionScenario {

    private static final int WARM_UP = 20;
    private static final int RUNS = 50;
    private static final double TARGET_MS = 100;
    private static final String ATTRIBUTION = "On Mon, Nov 23, 2026 at 10:15 AM Alice Martin <alice@example.com> wrote:";

    private final Bench.Options options;

    ReplyExtractionScenario(Bench.Options options) {
        this.options = options;
    }

    void run(Report report) {
        timed(report, "1 MB plain body, no quote marker", this::megabyteOfProse, false);
        timed(report, "100,000 '>' lines below an attribution", this::hundredThousandQuoteLines, false);
        timed(report, "1 MB line without a newline", () -> "Am" + " schrieb".repeat(1024 * 1024 / 8), false);
        timed(report, "HTML blockquotes nested 100,000 deep", () -> nested("<blockquote type=\"cite\"><div>",
                "</div></blockquote>"), true);
        timed(report, "Gmail quote containers nested 100,000 deep", () -> nested("<div class=\"gmail_quote\"><div>",
                "</div></div>"), true);
        scaling(report);
    }

    private void timed(Report report, String figure, Supplier<String> input, boolean html) {
        String body = input.get();
        double[] ms = times(body, html, options.scale(RUNS, 10));
        double worst = Arrays.stream(ms).max().orElse(0);
        report.add("replies", figure + " (" + size(body) + "), slowest of " + ms.length,
                Report.ms(worst), "< 100 ms", worst < TARGET_MS);
        report.info("replies", figure + ", median", Report.ms(median(ms)));
    }

    /** Lines that each almost make an attribution, at three sizes below the cut: twice the input, twice the time. */
    private void scaling(Report report) {
        String line = ATTRIBUTION.replace("wrote:", "wrote: and then it went on") + "\n";
        StringBuilder out = new StringBuilder();
        for (int chars : new int[] {25_000, 50_000, 100_000}) {
            String body = line.repeat(chars / line.length());
            out.append(out.isEmpty() ? "" : ", ").append(chars / 1000).append("k: ")
                    .append(Report.ms(median(times(body, false, options.scale(RUNS, 10)))));
        }
        report.info("replies", "near-attribution lines, median by size", out.toString());
    }

    private static double[] times(String body, boolean html, int runs) {
        for (int i = 0; i < WARM_UP; i++) {
            extract(body, html);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            extract(body, html);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    private static String extract(String body, boolean html) {
        return ReplyExtractor.extract(html ? HtmlText.toText(body) : body, "Re: [#42] printer broken");
    }

    private String megabyteOfProse() {
        StringBuilder body = new StringBuilder("Thanks, here is what I found.\n\n");
        for (int i = 0; body.length() < 1024 * 1024; i++) {
            body.append("Line ").append(i).append(": the printer on the third floor jams on every second page.\n");
        }
        return body.toString();
    }

    private String hundredThousandQuoteLines() {
        StringBuilder body = new StringBuilder("Still jammed.\n\n").append(ATTRIBUTION).append('\n');
        for (int i = 0; i < 100_000; i++) {
            body.append("> ").append(i).append('\n');
        }
        return body.toString();
    }

    private static String nested(String open, String close) {
        return "<div>Still jammed.</div>" + open.repeat(100_000) + "old text" + close.repeat(100_000);
    }

    private static double median(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String size(String body) {
        return body.length() >= 1024 * 1024 ? String.format("%.1f MB", body.length() / (1024.0 * 1024))
                : String.format("%d kB", body.length() / 1024);
    }
}
