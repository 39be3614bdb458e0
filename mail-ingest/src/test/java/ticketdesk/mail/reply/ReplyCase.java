package ticketdesk.mail.reply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One reply of the corpus under {@code src/test/resources/replies/}: {@code <language>/<client>--<what>.txt}
 * (a plain body) or {@code .eml} (a whole message, where headers or HTML matter), and beside it
 * {@code .reply}, the exact text the requester sees as their reply (one final newline aside).
 */
record ReplyCase(String language, String client, String name, String input, String expected) {

    private static final String ROOT = "replies";

    static List<ReplyCase> all() {
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".eml")).sorted()
                    .map(p -> of(root, p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the case is a whole message (headers and all) rather than a body. */
    boolean isMessage() {
        return name.endsWith(".eml");
    }

    /** A message that answers nothing (no In-Reply-To) is new mail to the support address: it opens a ticket. */
    boolean opensATicket() {
        return isMessage() && CorpusMail.header(input, "In-Reply-To") == null;
    }

    @Override
    public String toString() {
        return language + "/" + name;
    }

    private static ReplyCase of(Path root, Path file) {
        String name = file.getFileName().toString();
        int dashes = name.indexOf("--");
        if (dashes <= 0) {
            throw new IllegalStateException(root.relativize(file) + ": name it <client>--<what>");
        }
        Path expected = file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".reply");
        String reply = read(expected);
        return new ReplyCase(file.getParent().getFileName().toString(), name.substring(0, dashes), name, read(file),
                reply.endsWith("\n") ? reply.substring(0, reply.length() - 1) : reply);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + " (every case needs its .reply)", e);
        }
    }

    private static Path root() {
        try {
            return Path.of(ReplyCase.class.getClassLoader().getResource(ROOT).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
