package ticketdesk.mail.reply;

import java.util.Map;

/**
 * The lines a client puts between the new text and what it quotes or forwards: "-----Original
 * Message-----" and its translations, "Begin forwarded message:", and rules of underscores or dashes.
 */
final class Separators {

    enum Kind { ORIGINAL, FORWARD, RULE }

    private static final Map<String, String> PHRASES = Vocabulary.load("separators.tsv")
            .kindsOf("original", "forward");
    private static final int MAX_SEPARATOR = 120;
    private static final int MIN_RULE = 8;

    private Separators() {
    }

    /** What the line is, or null for any other line. */
    static Kind kind(String line) {
        String trimmed = line.strip();
        if (trimmed.length() > MAX_SEPARATOR || trimmed.length() < 2) {
            return null;
        }
        if (rule(trimmed)) {
            return Kind.RULE;
        }
        String inner = Texts.undecorated(trimmed);
        boolean colon = inner.endsWith(":") || inner.endsWith("\uFF1A");
        boolean decorated = Texts.leadingDecoration(trimmed) >= 2;
        if (!decorated && !colon) {
            return null;
        }
        String phrase = Texts.norm(colon ? inner.substring(0, inner.length() - 1) : inner);
        String kind = PHRASES.get(phrase);
        if (kind == null) {
            return null;
        }
        return kind.equals("forward") ? Kind.FORWARD : Kind.ORIGINAL;
    }

    private static boolean rule(String trimmed) {
        if (trimmed.length() < MIN_RULE) {
            return false;
        }
        char c = trimmed.charAt(0);
        if (c != '_' && c != '-' && c != '=' && c != '\u2014' && c != '\u2500') {
            return false;
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (trimmed.charAt(i) != c) {
                return false;
            }
        }
        return true;
    }
}
