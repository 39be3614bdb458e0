package ticketdesk.mail.reply;

import java.util.Locale;
import java.util.Set;

/**
 * Bounds how deeply HTML nests before it is parsed: an HTML parser spends more per element the deeper
 * the tree, so a quote nested a hundred thousand times would cost seconds. One pass over the markup
 * counts open elements; only when they go deeper than {@value #MAX_DEPTH} are the start and end tags
 * below that depth left out (their text stays, in the deepest element kept). Real mail never gets there.
 */
final class HtmlNesting {

    static final int MAX_DEPTH = 200;

    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "param", "source", "track", "wbr");
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title", "xmp");

    private final String html;
    private final StringBuilder out;
    private int depth;
    private int pos;

    private HtmlNesting(String html) {
        this.html = html;
        this.out = new StringBuilder(html.length());
    }

    static String bounded(String html) {
        return html.indexOf('<') < 0 || !new HtmlNesting(html).tooDeep() ? html : new HtmlNesting(html).flattened();
    }

    private boolean tooDeep() {
        while (pos < html.length()) {
            if (tag(false) > MAX_DEPTH) {
                return true;
            }
        }
        return false;
    }

    private String flattened() {
        while (pos < html.length()) {
            tag(true);
        }
        return out.toString();
    }

    /** Reads up to and including the next tag; returns the depth reached. */
    private int tag(boolean write) {
        int open = html.indexOf('<', pos);
        if (open < 0 || open + 1 >= html.length()) {
            copy(html.length(), write);
            return depth;
        }
        copy(open, write);
        char next = html.charAt(open + 1);
        if (html.startsWith("<!--", open)) {
            int end = html.indexOf("-->", open + 4);
            copy(end < 0 ? html.length() : end + 3, write);
            return depth;
        }
        boolean closing = next == '/';
        int nameStart = closing ? open + 2 : open + 1;
        int nameEnd = nameStart;
        while (nameEnd < html.length() && nameChar(html.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd == nameStart) {
            copy(open + 1, write);
            return depth;
        }
        int end = tagEnd(nameEnd);
        String name = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
        boolean selfClosing = end >= 2 && html.charAt(end - 1) == '>' && html.charAt(end - 2) == '/';
        boolean kept = keep(name, closing, selfClosing);
        copy(end, write && kept);
        if (!closing && RAW_TEXT.contains(name)) {
            skipRawText(name, write);
        }
        return depth;
    }

    /** Counts the tag; whether it is kept (it stays within the depth bound). */
    private boolean keep(String name, boolean closing, boolean selfClosing) {
        if (VOID.contains(name) || selfClosing || RAW_TEXT.contains(name)) {
            return true;
        }
        if (closing) {
            boolean kept = depth <= MAX_DEPTH;
            depth = Math.max(0, depth - 1);
            return kept;
        }
        depth++;
        return depth <= MAX_DEPTH;
    }

    /** The position after the tag's '>', past quoted attribute values that may hold one. */
    private int tagEnd(int from) {
        char quote = 0;
        for (int i = from; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return html.length();
    }

    private void skipRawText(String name, boolean write) {
        int close = html.indexOf("</", pos);
        while (close >= 0 && !html.regionMatches(true, close + 2, name, 0, name.length())) {
            close = html.indexOf("</", close + 2);
        }
        copy(close < 0 ? html.length() : close, write);
    }

    private void copy(int to, boolean write) {
        if (write) {
            out.append(html, pos, to);
        }
        pos = to;
    }

    private static boolean nameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':';
    }
}
