package ticketdesk.app.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the README tells a new user: the configuration table's variables and the compose section's exports. */
final class Readme {

    static final Path PATH = Path.of("").toAbsolutePath().getParent().resolve("README.md");
    private static final Pattern VARIABLE = Pattern.compile("^[A-Z][A-Z0-9_]*$");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]*)`");
    private static final Pattern EXPORTED = Pattern.compile("\\b([A-Z][A-Z0-9_]*)=");

    private final List<String> lines;

    private Readme(List<String> lines) {
        this.lines = lines;
    }

    static Readme read() {
        try {
            return new Readme(Files.readAllLines(PATH));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The variables named in the first column of the table under "## Configuration", each spelt out in full. */
    Set<String> configurationVariables() {
        Set<String> names = new LinkedHashSet<>();
        for (String row : section("## Configuration").stream().filter(l -> l.startsWith("| `")).toList()) {
            Matcher m = BACKTICKED.matcher(row.split("\\|")[1]);
            while (m.find()) {
                if (!VARIABLE.matcher(m.group(1)).matches()) {
                    throw new IllegalStateException("README's configuration table names '" + m.group(1)
                            + "': spell every variable out in full");
                }
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The lines of the section under this heading, up to the next heading of the same level. */
    List<String> section(String heading) {
        int start = lines.indexOf(heading);
        if (start < 0) {
            throw new IllegalStateException("README has no heading '" + heading + "'");
        }
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith(level)) {
            end++;
        }
        return lines.subList(start + 1, end);
    }

    /** The variables exported on the lines ending with this comment, e.g. {@code # required}. */
    static Set<String> exportedOnLinesMarked(List<String> lines, String mark) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : lines) {
            int comment = line.lastIndexOf('#');
            if (line.contains("export ") && comment > 0 && line.substring(comment + 1).strip().startsWith(mark)) {
                Matcher m = EXPORTED.matcher(line.substring(0, comment));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
