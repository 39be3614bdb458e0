package ticketdesk.bench;

/** 5,000 email replies through {@code POST /mail/inbound}: messages per second and how many applied exactly once. */
final class InboundMailScenario {

    private final Bench.Options options;

    InboundMailScenario(Bench.Options options) {
        this.options = options;
    }

    void run(Report report) {
        try (Stack stack = Stack.create("td_bench_mail", options.logDir())) {
            AppInstance app = stack.launch("mail");
            String missing = Probe.mailMissing(stack, app);
            if (missing != null) {
                report.pending("mail", missing);
            }
        }
    }
}
