package ticketdesk.mail.reply;

/**
 * The text an HTML layout writes, line by line: white space collapsed as a browser collapses it (one
 * space between words, none at a line's start), explicit breaks kept, at most one blank line between
 * paragraphs, and lines inside a quote prefixed with {@code >} (once, at any depth).
 */
final class TextLines {

    private final StringBuilder out = new StringBuilder();
    private boolean lineHasText;
    /** Collapsible white space was seen since the last word: one space goes before the next one. */
    private boolean space;
    private int quoteDepth;

    void quoteIn() {
        quoteDepth++;
    }

    void quoteOut() {
        quoteDepth--;
    }

    boolean quoting() {
        return quoteDepth > 0;
    }

    boolean lineHasText() {
        return lineHasText;
    }

    boolean isEmpty() {
        return out.isEmpty();
    }

    /** Text as HTML renders it: runs of white space are one space, a no-break space stays a space. */
    void words(String raw) {
        StringBuilder word = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                append(word.toString());
                word.setLength(0);
                space = true;
            } else {
                word.append(c == '\u00A0' ? ' ' : c);
            }
        }
        append(word.toString());
    }

    /** Text of a {@code pre}: every space and line break as written. */
    void preformatted(String raw) {
        String[] parts = raw.split("\r?\n", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                breakLine(true);
            }
            append(parts[i].replace('\u00A0', ' '));
        }
    }

    /** Writes text on the current line, after the one space collapsed white space before it stands for. */
    void append(String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!lineHasText && quoteDepth > 0) {
            out.append("> ");
        } else if (lineHasText && space) {
            out.append(' ');
        }
        space = false;
        out.append(text);
        lineHasText = true;
    }

    /** Ends the line; an explicit break on an empty line makes an empty line, a block boundary does not. */
    void breakLine(boolean explicit) {
        space = false;
        if (lineHasText) {
            out.append('\n');
            lineHasText = false;
        } else if (explicit) {
            out.append(quoteDepth > 0 ? ">\n" : "\n");
        }
    }

    /** Makes sure an empty line separates what comes next from what came before. */
    void blankLine() {
        breakLine(false);
        int n = out.length();
        boolean blankAlready = n >= 2 && out.charAt(n - 1) == '\n'
                && (out.charAt(n - 2) == '\n' || (n >= 3 && out.charAt(n - 2) == '>' && out.charAt(n - 3) == '\n'));
        if (n > 0 && !blankAlready) {
            out.append(quoteDepth > 0 ? ">\n" : "\n");
        }
    }

    /** The lines without trailing spaces, and without blank lines around the whole. */
    String text() {
        breakLine(false);
        StringBuilder clean = new StringBuilder(out.length());
        int start = 0;
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) == '\n') {
                int end = i;
                while (end > start && Character.isWhitespace(out.charAt(end - 1))) {
                    end--;
                }
                clean.append(out, start, end).append('\n');
                start = i + 1;
            }
        }
        return clean.toString().strip();
    }
}
