package ticketdesk.mail.reply;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One vocabulary file of this package: a phrase per line, tab-separated after its language and (when
 * the file has three columns) its kind; {@code #} starts a comment. Phrases come back in the matching
 * form of {@link Texts#norm}, grouped by kind.
 */
final class Vocabulary {

    private final Map<String, List<String>> byKind;

    private Vocabulary(Map<String, List<String>> byKind) {
        this.byKind = byKind;
    }

    static Vocabulary load(String resource) {
        Map<String, List<String>> byKind = new HashMap<>();
        try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing vocabulary " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String[] cells = line.split("\t");
                if (line.isBlank() || line.startsWith("#") || cells.length < 2) {
                    continue;
                }
                String kind = cells.length > 2 ? cells[1] : "";
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(Texts.norm(cells[cells.length - 1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Vocabulary(byKind);
    }

    List<String> phrases(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** Each phrase of {@code kind} with what it stands for, e.g. a header label with its role. */
    Map<String, String> kindsOf(String... kinds) {
        Map<String, String> map = new HashMap<>();
        for (String kind : kinds) {
            phrases(kind).forEach(p -> map.putIfAbsent(p, kind));
        }
        return map;
    }
}
