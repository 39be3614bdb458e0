package ticketdesk.core.text;

/**
 * Text people typed, made safe to store and show: control characters (NUL and the rest of C0 and C1) and the
 * bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can make a title read
 * backwards or hide part of it, are removed; every visible character is kept. Used wherever core stores a ticket's
 * title, description, category or a message.
 */
public final class CleanText {

    private CleanText() {
    }

    /** One line (a title): line breaks and tabs become spaces, other controls go. Null stays null. */
    public static String line(String text) {
        return text == null ? null : clean(text, false);
    }

    /** Multi-line text (a description, a message): keeps tabs and line breaks, as {@code \n}. Null stays null. */
    public static String lines(String text) {
        return text == null ? null : clean(text, true);
    }

    /** At most {@code max} chars of {@code text}, never half of a character outside the BMP (an emoji). */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }

    private static String clean(String text, boolean multiLine) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isLineBreak(c)) {
                boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
                if (!crlf) {
                    out.append(multiLine ? '\n' : ' ');
                }
            } else if (c == '\t') {
                out.append(multiLine ? '\t' : ' ');
            } else if (!isHidden(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u000B' || c == '\u000C' || c == '\u0085'
                || c == '\u2028' || c == '\u2029';
    }

    private static boolean isHidden(char c) {
        return Character.getType(c) == Character.CONTROL || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
