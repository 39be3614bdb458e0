package ticketdesk.mail.reply;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pass counts of the reply corpus per language and per client, so a regression shows where it is.
 * Printed after the corpus test and written to {@code target/reply-corpus.txt}.
 */
final class CorpusTally {

    private final Map<String, int[]> languages = new TreeMap<>();
    private final Map<String, int[]> clients = new TreeMap<>();
    private final List<String> failed = new ArrayList<>();

    synchronized void record(ReplyCase reply, boolean passed) {
        count(languages, reply.language(), passed);
        count(clients, reply.client(), passed);
        if (!passed) {
            failed.add(reply.toString());
        }
    }

    synchronized String table() {
        int total = languages.values().stream().mapToInt(c -> c[1]).sum();
        int passed = languages.values().stream().mapToInt(c -> c[0]).sum();
        StringBuilder out = new StringBuilder("Reply corpus: " + passed + " of " + total + " cases pass\n\n");
        List<String> left = rows("language", languages);
        List<String> right = rows("client", clients);
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            out.append(String.format("%-24s    %s", i < left.size() ? left.get(i) : "",
                    i < right.size() ? right.get(i) : "").stripTrailing()).append('\n');
        }
        failed.forEach(f -> out.append("failed: ").append(f).append('\n'));
        return out.toString();
    }

    void print(PrintStream to, Path file) {
        String table = table();
        to.println(table);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> rows(String title, Map<String, int[]> counts) {
        List<String> rows = new ArrayList<>();
        rows.add(String.format("%-16s %7s", title, "pass"));
        counts.forEach((key, c) -> rows.add(String.format("%-16s %7s", key, c[0] + "/" + c[1])));
        return rows;
    }

    private static void count(Map<String, int[]> counts, String key, boolean passed) {
        int[] c = counts.computeIfAbsent(key, k -> new int[2]);
        c[0] += passed ? 1 : 0;
        c[1]++;
    }
}
