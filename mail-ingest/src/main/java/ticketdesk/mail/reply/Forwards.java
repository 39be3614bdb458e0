package ticketdesk.mail.reply;

import java.util.List;

/**
 * Tells a forwarded message, which stays whole, from a reply: its first marker is a forward line
 * ("---------- Forwarded message ---------", "Begin forwarded message:", …), or its subject says so
 * ("Fwd:", "WG:", "TR:", …) and its first marker is a header block or an "Original Message" line, as
 * Outlook forwards.
 */
final class Forwards {

    /** Outlook's forward prefixes in the 25 languages; "VS:" is left out, a reply in Finnish. */
    private static final List<String> SUBJECT_PREFIXES = List.of("fwd", "fw", "wg", "tr", "rv", "i", "doorst", "vb",
            "vl", "vid", "pd", "přep", "enc", "továbbítás", "ilt", "πρθ", "пересл", "перес", "转发", "轉寄",
            "전달", "chuyển tiếp", "reenv");

    private Forwards() {
    }

    static boolean isForward(List<String> lines, String subject) {
        Quotes quotes = Quotes.of(lines);
        AttributionLines attributions = new AttributionLines(lines, quotes);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (Texts.blank(line) || line.length() > Texts.MAX_LINE) {
                continue;
            }
            Separators.Kind kind = Separators.kind(line);
            if (kind == Separators.Kind.FORWARD) {
                return true;
            }
            if (kind == Separators.Kind.ORIGINAL || HeaderBlock.startsAt(lines, i)) {
                return forwardSubject(subject);
            }
            if (quotes.quoted(line) || attributions.at(i) != null) {
                return false;
            }
        }
        return false;
    }

    /** The subject's first prefix says forward: "FW: RE: printer" is a forward, "RE: FW: printer" a reply. */
    static boolean forwardSubject(String subject) {
        if (subject == null) {
            return false;
        }
        String s = Texts.norm(subject);
        int colon = s.indexOf(':');
        if (colon <= 0 || colon > 16) {
            colon = s.indexOf('\uFF1A');
        }
        if (colon <= 0 || colon > 16) {
            return false;
        }
        String prefix = s.substring(0, colon).strip();
        return SUBJECT_PREFIXES.contains(prefix);
    }
}
