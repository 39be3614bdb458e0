package ticketdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the machine's CPU went during a scenario: the app, MariaDB and this harness (load generator, fake
 * Slack, GreenMail), each from {@code /proc/<pid>/stat}, and how many statements MariaDB answered. The app
 * shares two cores with the other two, so its throughput is bounded by what all three spend per request.
 */
final class CpuShares {

    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Database db;
    private final Map<String, Double> cpuBefore = new LinkedHashMap<>();
    private long questionsBefore;

    private CpuShares(Database db) {
        this.db = db;
    }

    /** Starts counting for the app's process, the database server's and this one's. */
    static CpuShares start(Database db, long appPid) {
        CpuShares shares = new CpuShares(db);
        shares.pids.put("app", appPid);
        databasePid().ifPresent(pid -> shares.pids.put("MariaDB", pid));
        shares.pids.put("harness", ProcessHandle.current().pid());
        shares.pids.forEach((name, pid) -> shares.cpuBefore.put(name, cpuSeconds(pid)));
        shares.questionsBefore = shares.questions();
        return shares;
    }

    /** CPU per request of each process ("app 1.2 ms, MariaDB 0.6 ms, harness 0.3 ms") since the start. */
    String perRequest(long requests) {
        StringBuilder out = new StringBuilder();
        pids.forEach((name, pid) -> {
            double spent = cpuSeconds(pid) - cpuBefore.get(name);
            out.append(out.length() == 0 ? "" : ", ").append(name).append(' ')
                    .append(Report.ms(spent * 1000 / requests));
        });
        return out.toString();
    }

    /** Statements the database server answered per request since the start (all clients, the harness's few included). */
    String statementsPerRequest(long requests) {
        return String.format("%.1f", (questions() - questionsBefore) / (double) requests);
    }

    private long questions() {
        String value = db.text("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                + " WHERE VARIABLE_NAME = 'QUESTIONS'");
        return value == null ? 0 : Long.parseLong(value.trim());
    }

    private static Optional<Long> databasePid() {
        for (String name : new String[] {"mariadbd", "mysqld"}) {
            Optional<Long> pid = ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/" + name)).orElse(false))
                    .map(ProcessHandle::pid).findFirst();
            if (pid.isPresent()) {
                return pid;
            }
        }
        return Optional.empty();
    }

    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
