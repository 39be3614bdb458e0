package ticketdesk.mail.reply;

import java.util.List;

/**
 * Finds an attribution in the lines of a body: on one line, wrapped by the client over two or three,
 * or on the same line as the last words of the reply ("Thanks! On Mon, … wrote:").
 */
final class AttributionLines {

    /** Lines {@code first} to {@code last}, from {@code column} of the first line on. */
    record Found(int first, int last, int column) {
    }

    private static final int MAX_LINES = 3;
    private static final int MAX_SPLITS = 40;

    private final List<String> lines;
    private final Quotes quotes;
    /** Per line, once: 1 when it ends the way an attribution does, -1 when not, 0 not yet known. */
    private final byte[] ends;

    AttributionLines(List<String> lines, Quotes quotes) {
        this.lines = lines;
        this.quotes = quotes;
        this.ends = new byte[lines.size()];
    }

    /** The attribution that begins at line {@code at}, or null. */
    Found at(int at) {
        if (!usable(at) || !endsLikeOneWithin(at)) {
            return null;
        }
        boolean opens = Attribution.beginsLikeOne(Texts.norm(lines.get(at)));
        Found split = opens ? null : afterTheReply(at);
        if (split != null) {
            return split;
        }
        for (int last = at; last < Math.min(lines.size(), at + MAX_LINES) && continues(at, last); last++) {
            String joined = join(at, last);
            if (joined.length() > Attribution.MAX_LENGTH || (last > at && !Wraps.canOpen(lines.get(at)))
                    || (last > at && Wraps.endsASentence(lines.get(last - 1)))) {
                break;
            }
            if (endsLikeOne(last) && Attribution.is(joined, quotes.quoteBelow(lines, last))) {
                return last > at && !opens && startsLater(at + 1, last) ? null : new Found(at, last, 0);
            }
        }
        return null;
    }

    /**
     * The attribution that starts after the reply's last sentence on the same line: the first that opens
     * like one ("… Thanks! On Mon, … wrote:"), else the last that is one ("Kiitos! Alice … kirjoitti …:").
     */
    private Found afterTheReply(int at) {
        String line = lines.get(at);
        Found last = null;
        int tries = 0;
        for (int column = Math.max(1, line.length() - Attribution.MAX_LENGTH); column < line.length()
                && tries < MAX_SPLITS; column++) {
            if (line.charAt(column - 1) != ' ' || !Wraps.sentenceEndsBefore(line, column - 1)) {
                continue;
            }
            tries++;
            Found found = from(at, column);
            if (found != null && Attribution.beginsLikeOne(Texts.norm(line.substring(column)))) {
                return found;
            }
            last = found == null ? last : found;
        }
        return last;
    }

    private Found from(int at, int column) {
        for (int last = at; last < Math.min(lines.size(), at + MAX_LINES) && continues(at, last); last++) {
            String joined = lines.get(at).substring(column) + (last > at ? " " + join(at + 1, last) : "");
            if (Attribution.is(joined, quotes.quoteBelow(lines, last))) {
                return new Found(at, last, column);
            }
        }
        return null;
    }

    private boolean endsLikeOneWithin(int at) {
        for (int last = at; last < Math.min(lines.size(), at + MAX_LINES) && continues(at, last); last++) {
            if (endsLikeOne(last)) {
                return true;
            }
        }
        return false;
    }

    private boolean endsLikeOne(int i) {
        if (ends[i] == 0) {
            ends[i] = (byte) (Attribution.endsLikeOne(lines.get(i)) ? 1 : -1);
        }
        return ends[i] > 0;
    }

    /** A later line opens an attribution ending at the same line: the first line is the reply's. */
    private boolean startsLater(int from, int last) {
        for (int first = from; first <= last; first++) {
            if (Attribution.beginsLikeOne(Texts.norm(lines.get(first)))
                    && Attribution.is(join(first, last), quotes.quoteBelow(lines, last))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether line {@code last} can be part of an attribution that starts at {@code first}. A quoted line
     * can, right after an address left open: Gmail wraps "… Alice <alice@example.com" / "> wrote:".
     */
    private boolean continues(int first, int last) {
        if (last == first || !quotes.quoted(lines.get(last))) {
            return usable(last);
        }
        String above = lines.get(last - 1);
        return usable(last - 1) && above.lastIndexOf('<') > above.lastIndexOf('>')
                && lines.get(last).length() <= Attribution.MAX_LENGTH;
    }

    private boolean usable(int i) {
        String line = lines.get(i);
        return line.length() <= Attribution.MAX_LENGTH * 3 && !Texts.blank(line) && !quotes.quoted(line);
    }

    private String join(int first, int last) {
        StringBuilder joined = new StringBuilder(lines.get(first).strip());
        for (int i = first + 1; i <= last; i++) {
            joined.append(' ').append(lines.get(i).strip());
        }
        return joined.toString();
    }
}
