package ticketdesk.mail.reply;

import java.util.List;

/**
 * Walks the lines of a body once and keeps what the writer wrote: it stops at the quoted history
 * (an attribution with the unquoted mail below it, a header block, an "Original Message" line), drops
 * quoted lines but keeps the answers written between and below them, and leaves out signatures.
 */
final class ReplyScanner {

    private enum Mode { TEXT, QUOTED, SIGNATURE }

    private final List<String> lines;
    private final Quotes quotes;
    private final AttributionLines attributions;
    private final KeptText kept = new KeptText();
    private Mode mode = Mode.TEXT;

    ReplyScanner(List<String> lines) {
        this.lines = lines;
        this.quotes = Quotes.of(lines);
        this.attributions = new AttributionLines(lines, quotes);
    }

    List<String> scan() {
        for (int i = 0; i < lines.size(); i++) {
            int next = step(i);
            if (next < 0) {
                break;
            }
            i = next;
        }
        return kept.lines();
    }

    /** Handles line {@code i} (and any lines it takes with it); the last line handled, or -1 to stop. */
    private int step(int i) {
        String line = lines.get(i);
        if (quotes.quoted(line)) {
            kept.drop();
            mode = Mode.QUOTED;
            return i;
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
            if (attribution.column() > 0 && mode != Mode.SIGNATURE) {
                kept.keep(line.substring(0, attribution.column()));
            }
            kept.drop();
            mode = Mode.QUOTED;
            return quotes.quoteBelow(lines, attribution.last()) ? attribution.last() : -1;
        }
        if (historyStarts(i)) {
            return -1;
        }
        if (mode != Mode.SIGNATURE && (Signatures.delimiter(lines, i, quotes) || Signatures.footer(line))) {
            kept.drop();
            mode = Mode.SIGNATURE;
            return i;
        }
        return text(line, i);
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

    /** An "Original Message" or forward line, a header block, or a rule right above either or an attribution. */
    private boolean historyStarts(int i) {
        Separators.Kind kind = Separators.kind(lines.get(i));
        if (kind == Separators.Kind.ORIGINAL || kind == Separators.Kind.FORWARD) {
            return true;
        }
        if (kind == Separators.Kind.RULE) {
            int next = nextText(i);
            return next >= 0 && (HeaderBlock.startsAt(lines, next) || attributions.at(next) != null
                    || Separators.kind(lines.get(next)) == Separators.Kind.ORIGINAL);
        }
        return HeaderBlock.startsAt(lines, i);
    }

    private int nextText(int after) {
        for (int i = after + 1; i < lines.size(); i++) {
            if (!Texts.blank(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
