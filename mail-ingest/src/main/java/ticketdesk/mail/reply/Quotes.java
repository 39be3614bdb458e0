package ticketdesk.mail.reply;

import java.util.List;

/**
 * Which lines are quoted: those starting with {@code >}. Lines starting with {@code >>>} count only in a
 * body that also quotes at a shallower depth, as real nested quoting does; alone they are a Python
 * prompt or a merge marker the writer typed.
 */
final class Quotes {

    private final boolean deepOnly;

    private Quotes(boolean deepOnly) {
        this.deepOnly = deepOnly;
    }

    static Quotes of(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith(">") && !line.startsWith(">>>")) {
                return new Quotes(false);
            }
        }
        return new Quotes(true);
    }

    boolean quoted(String line) {
        return line.startsWith(">") && !(deepOnly && line.startsWith(">>>"));
    }

    /** Whether the first non-blank line after {@code after} is quoted. */
    boolean quoteBelow(List<String> lines, int after) {
        for (int i = after + 1; i < lines.size(); i++) {
            if (!Texts.blank(lines.get(i))) {
                return quoted(lines.get(i));
            }
        }
        return false;
    }
}
