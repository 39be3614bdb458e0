package ticketdesk.mail.reply;

import java.util.List;

/**
 * Walks the lines of a body once and keeps what the writer wrote: it stops at the quoted history
 * (an attribution with the unquoted mail below it, a header block, an "Original Message" line), drops
 * quoted lines but keeps the answers written between and below them, and leaves out signatures. When
 * the first marker it meets opens a forward ({@link Forwards}), the body is a forward and stays whole.
 */
final class ReplyScanner {

    /** The kept lines, or {@code forward}: the whole body is the message. */
    record Result(List<String> lines, boolean forward) {
    }

    private enum Mode { TEXT, QUOTED, SIGNATURE }

    private final List<String> lines;
    private final String subject;
    private final Quotes quotes;
    private final AttributionLines attributions;
    private final KeptText kept = new KeptText();
    private Mode mode = Mode.TEXT;
    private boolean marked;
    private boolean forward;

    ReplyScanner(List<String> lines, String subject) {
        this.lines = lines;
        this.subject = subject;
        this.quotes = Quotes.of(lines);
        this.attributions = new AttributionLines(lines, quotes);
    }

    Result scan() {
        for (int i = 0; i < lines.size(); i++) {
            int next = step(i);
            if (next < 0) {
                break;
            }
            i = next;
        }
        return new Result(forward ? lines : kept.lines(), forward);
    }

    /** Handles line {@code i} (and any lines it takes with it); the last line handled, or -1 to stop. */
    private int step(int i) {
        String line = lines.get(i);
        if (quotes.quoted(line)) {
            return quoted(i);
        }
        if (Texts.blank(line)) {
            if (mode != Mode.SIGNATURE) {
                kept.blank();
            }
            return i;
        }
        if (line.length() > Texts.MAX_LINE) {
            return text(line, i);
        }
        AttributionLines.Found attribution = attributions.at(i);
        if (attribution != null) {
            return attribution(attribution);
        }
        Forwards.Kind history = Forwards.historyAt(lines, i, attributions);
        if (history != null) {
            forward = !marked && (history == Forwards.Kind.FORWARD
                    || (history == Forwards.Kind.HEADERS && Forwards.forwardSubject(subject)));
            return -1;
        }
        if (mode != Mode.SIGNATURE && (Signatures.delimiter(lines, i, quotes, attributions) || Signatures.footer(line))) {
            kept.drop();
            mode = Mode.SIGNATURE;
            return i;
        }
        return text(line, i);
    }

    private int quoted(int i) {
        marked = true;
        kept.drop();
        mode = Mode.QUOTED;
        return i;
    }

    /** The attribution goes; the history below it too, unless it is quoted (answers may follow the quote). */
    private int attribution(AttributionLines.Found found) {
        marked = true;
        if (found.column() > 0 && mode != Mode.SIGNATURE) {
            kept.keep(lines.get(found.first()).substring(0, found.column()));
        }
        kept.drop();
        mode = Mode.QUOTED;
        return quotes.quoteBelow(lines, found.last()) ? found.last() : -1;
    }

    private int text(String line, int i) {
        if (mode == Mode.SIGNATURE) {
            kept.drop();
        } else {
            kept.keep(line);
            mode = Mode.TEXT;
        }
        return i;
    }
}
