package ticketdesk.mail.reply;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The header block a client writes above a quoted or forwarded mail ("From:/Sent:/To:/Subject:",
 * "Von:/Gesendet:/An:/Betreff:", …) in any language of {@code header-names.tsv}: a From line and at least
 * two other fields within a few lines, starting with whichever field comes first, bold or not.
 */
final class HeaderBlock {

    enum Role { FROM, DATE, TO, CC, SUBJECT }

    private static final Map<String, String> LABELS = Vocabulary.load("header-names.tsv")
            .kindsOf("from", "date", "to", "cc", "subject");
    /** Labels are short; a colon further in is part of a sentence. */
    private static final int MAX_LABEL = 24;
    private static final int LOOK_AHEAD = 12;

    private HeaderBlock() {
    }

    static boolean startsAt(List<String> lines, int at) {
        Role first = role(lines.get(at));
        if (first == null || first == Role.CC || first == Role.SUBJECT) {
            return false;
        }
        EnumSet<Role> roles = EnumSet.of(first);
        int misses = 0;
        for (int i = at + 1; i < Math.min(lines.size(), at + LOOK_AHEAD) && misses <= 2; i++) {
            Role role = role(lines.get(i));
            if (role != null) {
                roles.add(role);
                misses = 0;
            } else {
                misses++;
            }
        }
        return roles.contains(Role.FROM) && roles.size() >= 3;
    }

    /** The field a line names ("*Von:* Alice" is FROM), or null. */
    static Role role(String line) {
        if (line.length() > Texts.MAX_LINE) {
            return null;
        }
        int from = 0;
        while (from < line.length() && (line.charAt(from) == '*' || Character.isWhitespace(line.charAt(from))
                || line.charAt(from) == '\u00A0')) {
            from++;
        }
        int colon = colon(line, from);
        if (colon < 0) {
            return null;
        }
        String label = Texts.norm(line.substring(from, colon).replace("*", ""));
        String role = LABELS.get(label);
        return role == null ? null : Role.valueOf(role.toUpperCase(java.util.Locale.ROOT));
    }

    private static int colon(String line, int from) {
        for (int i = from; i < Math.min(line.length(), from + MAX_LABEL); i++) {
            char c = line.charAt(i);
            if (c == ':' || c == '\uFF1A') {
                return i > from ? i : -1;
            }
        }
        return -1;
    }
}
