package ticketdesk.mail.reply;

import java.util.List;

/**
 * Where unquoted history starts, and whether it is a forward, which stays whole: a forward line
 * ("---------- Forwarded message ---------", "Begin forwarded message:", …) as the first marker of a
 * body, or a header block or "Original Message" line when the subject says forward ("Fwd:", "WG:",
 * "TR:", …), as Outlook forwards.
 */
final class Forwards {

    /** What starts the history: a forward line, or a header block (with or without a line above it). */
    enum Kind { FORWARD, HEADERS }

    /** Outlook's forward prefixes in the 25 languages; "VS:" is left out, a reply in Finnish. */
    private static final List<String> SUBJECT_PREFIXES = List.of("fwd", "fw", "wg", "tr", "rv", "i", "doorst", "vb",
            "vl", "vid", "pd", "přep", "enc", "továbbítás", "ilt", "πρθ", "пересл", "перес", "转发", "轉寄",
            "전달", "chuyển tiếp", "reenv");
    /** A subject's prefix is a short word before its colon. */
    private static final int MAX_PREFIX = 16;

    private Forwards() {
    }

    /** The unquoted history that starts at line {@code i}, or null. */
    static Kind historyAt(List<String> lines, int i, AttributionLines attributions) {
        Separators.Kind kind = Separators.kind(lines.get(i));
        if (kind == Separators.Kind.FORWARD) {
            return Kind.FORWARD;
        }
        if (kind == Separators.Kind.ORIGINAL) {
            return Kind.HEADERS;
        }
        if (kind == Separators.Kind.RULE) {
            int next = nextText(lines, i);
            boolean above = next >= 0 && (HeaderBlock.startsAt(lines, next) || attributions.at(next) != null
                    || Separators.kind(lines.get(next)) == Separators.Kind.ORIGINAL);
            return above ? Kind.HEADERS : null;
        }
        return HeaderBlock.startsAt(lines, i) ? Kind.HEADERS : null;
    }

    /** The subject's first prefix says forward: "FW: RE: printer" is a forward, "RE: FW: printer" a reply. */
    static boolean forwardSubject(String subject) {
        if (subject == null) {
            return false;
        }
        String s = Texts.norm(subject);
        int colon = s.indexOf(':');
        if (colon <= 0 || colon > MAX_PREFIX) {
            colon = s.indexOf('\uFF1A');
        }
        return colon > 0 && colon <= MAX_PREFIX && SUBJECT_PREFIXES.contains(s.substring(0, colon).strip());
    }

    private static int nextText(List<String> lines, int after) {
        for (int i = after + 1; i < lines.size(); i++) {
            if (!Texts.blank(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
