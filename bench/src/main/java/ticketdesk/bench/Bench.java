package ticketdesk.bench;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmark harness: {@code ./mvnw -B -pl bench -Pbench exec:java -Dbench.args="slash,claims,mail,audit,startup"}
 * (add {@code --quick} for a smoke run of a few seconds each). Each scenario gets a fresh database,
 * the fake Slack, an SMTP server and its own {@code java -jar app/target/ticketdesk.jar}; the table
 * at the end is what BENCHMARKS.md records.
 */
public final class Bench {

    public static final List<String> ALL = List.of("startup", "slash", "claims", "mail", "bigmail", "audit", "replies");

    /** What the scenarios share: quick mode and where instance logs go. */
    public record Options(boolean quick, Path logDir) {
        public int scale(int full, int quickValue) {
            return quick ? quickValue : full;
        }
    }

    private Bench() {
    }

    /** The 1, 5 and 15 minute load averages: figures taken on a busy machine say so. */
    static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    public static void main(String[] args) {
        boolean quick = false;
        Set<String> chosen = new LinkedHashSet<>();
        for (String arg : String.join(" ", args).split("[\\s,]+")) {
            if (arg.isBlank()) {
                continue;
            }
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.equals("all")) {
                chosen.addAll(ALL);
            } else if (ALL.contains(arg)) {
                chosen.add(arg);
            } else {
                throw new IllegalArgumentException("unknown scenario " + arg + "; choose from " + ALL
                        + " or all, plus --quick");
            }
        }
        if (chosen.isEmpty()) {
            chosen.addAll(ALL);
        }
        Options options = new Options(quick, Path.of("target", "bench-logs").toAbsolutePath());
        Report report = new Report();
        System.out.printf("ticketdesk bench: %s%s, jar %s, %d cores, JVM flags for the app: %s%n", chosen,
                quick ? " (quick)" : "", AppInstance.jar(), Runtime.getRuntime().availableProcessors(),
                Stack.jvmArgs().isEmpty() ? "(none)" : Stack.jvmArgs());
        for (String scenario : chosen) {
            System.out.println("== " + scenario);
            report.info(scenario, "load average 1/5/15 min, before", loadAverage());
            try {
                switch (scenario) {
                    case "startup" -> new StartupScenario(options).run(report);
                    case "slash" -> new SlashScenario(options).run(report);
                    case "claims" -> new ClaimStormScenario(options).run(report);
                    case "mail" -> new InboundMailScenario(options).run(report);
                    case "audit" -> new AuditScenario(options).run(report);
                    case "bigmail" -> new BigMailScenario(options).run(report);
                    case "replies" -> new ReplyExtractionScenario(options).run(report);
                    default -> throw new IllegalArgumentException(scenario);
                }
            } catch (RuntimeException e) {
                e.printStackTrace();
                report.pending(scenario, "failed: " + OpenLoop.abbreviate(String.valueOf(e.getMessage())
                        .replace('\n', ' ')));
            }
        }
        System.out.println();
        report.print(System.out);
        System.exit(0);
    }
}
