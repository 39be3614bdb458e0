package ticketdesk.mail.reply;

/**
 * Where a writer's sentence ends and where a client merely wrapped a line: an attribution wrapped over
 * lines, or written after the reply's last words, is told apart from the reply by these.
 */
final class Wraps {

    private Wraps() {
    }

    /** The reply's last sentence ends before the space at {@code space}: ". ", "! ", "? ", an emoji. */
    static boolean sentenceEndsBefore(String line, int space) {
        int before = space - 1;
        while (before >= 0 && line.charAt(before) == ' ') {
            before--;
        }
        if (before < 0) {
            return false;
        }
        int c = line.codePointBefore(before + 1);
        return ".!?…)".indexOf(c) >= 0 || (!Character.isLetterOrDigit(c) && Character.getType(c) == Character.OTHER_SYMBOL)
                || Character.isSurrogate(line.charAt(before));
    }

    /**
     * A client wraps an attribution in the middle of it, never after a full sentence: a line ending in
     * ". ", "!", "?" or a closing quote ends the writer's sentence ("mar." and "kl." are abbreviations).
     */
    static boolean endsASentence(String line) {
        String t = line.strip();
        if (t.isEmpty()) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        if (last == '.') {
            return t.length() - t.lastIndexOf(' ') - 1 > 5;
        }
        return "!?\"\u201D\u3002\uFF01\uFF1F".indexOf(last) >= 0;
    }

    /** A wrapped attribution's first line carries a date, an address or an opening word, and no full stop. */
    static boolean canOpen(String line) {
        String norm = Texts.norm(line);
        if (norm.endsWith("!") || norm.endsWith("?") || norm.endsWith("\u3002") || norm.endsWith("\uFF01")) {
            return false;
        }
        return Attribution.beginsLikeOne(norm) || norm.indexOf('@') >= 0 || norm.indexOf('<') >= 0
                || Texts.hasDigit(norm);
    }
}
