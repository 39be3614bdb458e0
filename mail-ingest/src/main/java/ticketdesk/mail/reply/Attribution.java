package ticketdesk.mail.reply;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a piece of text is a quote attribution as clients write them in the languages of
 * {@code attributions.tsv}: "On … wrote:", "Am … schrieb …:", "Alice kirjoitti 23.11. klo 10.15:",
 * date-first forms without a verb ("2024-03-20 8:48 GMT+01:00 Alice <a@b.c>:"), "wrote" without a colon
 * and the dashed "---- On … wrote ----". A verb alone is not enough: it needs a date with a known
 * beginning, an address, dashes around it, or a quote right below.
 */
final class Attribution {

    /** Attributions are short; longer text is never one, so matching stays cheap. */
    static final int MAX_LENGTH = 400;
    private static final int MAX_NAME_WORDS = 5;

    private static final Vocabulary WORDS = Vocabulary.load("attributions.tsv");
    private static final List<String> VERBS = WORDS.phrases("verb");
    private static final List<String> MIDDLE = WORDS.phrases("middle");
    private static final List<String> STARTS = WORDS.phrases("start");
    private static final Set<String> WEEKDAYS = new HashSet<>(WORDS.phrases("weekday"));

    private Attribution() {
    }

    static boolean is(String text, boolean quoteBelow) {
        if (text.length() > MAX_LENGTH || !endsLikeOne(text)) {
            return false;
        }
        String t = Texts.norm(text);
        boolean dashed = t.startsWith("--") && t.endsWith("--");
        String core = Texts.undecorated(t);
        boolean colon = core.endsWith(":") || core.endsWith("\uFF1A");
        if (colon) {
            core = core.substring(0, core.length() - 1).stripTrailing();
        }
        if (core.isEmpty()) {
            return false;
        }
        int verbEnd = verbEnd(core, VERBS);
        if (verbEnd >= 0) {
            if (!colon && !dashed && verbEnd != core.length()) {
                return false;
            }
            boolean dated = Texts.hasDigit(core) && (beginsLikeOne(core) || verbEnd(core, MIDDLE) >= 0);
            return dashed || core.indexOf('@') >= 0 || dated || (quoteBelow && nameThenVerb(text, core));
        }
        return colon && endsWithAddress(core) && Texts.hasTime(core)
                && (Character.isDigit(core.charAt(0)) || weekdayFirst(core) || quoteBelow);
    }

    /** A cheap first test: an attribution ends with a colon, dashes or its verb. */
    static boolean endsLikeOne(String text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            return false;
        }
        char last = text.charAt(end - 1);
        if (last == ':' || last == '\uFF1A' || last == '-') {
            return true;
        }
        String tail = Texts.norm(text.substring(Math.max(0, end - 40), end));
        for (String verb : VERBS) {
            if (tail.endsWith(verb)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Alice Smith wrote:" right above a quote, as Thunderbird writes it without a date: a name (a few
     * capitalised words) and the verb, nothing else. "My colleague wrote on Friday:" is the writer's own.
     */
    private static boolean nameThenVerb(String text, String core) {
        String verb = VERBS.stream().filter(v -> core.endsWith(v) && Texts.wholeWord(core, core.length() - v.length(),
                core.length())).findFirst().orElse(null);
        if (verb == null) {
            return false;
        }
        String[] words = Texts.undecorated(text.strip()).split(" +");
        int nameWords = words.length - verb.split(" ").length;
        if (nameWords < 1 || nameWords > MAX_NAME_WORDS) {
            return false;
        }
        for (int i = 0; i < nameWords; i++) {
            int first = words[i].codePointAt(0);
            if (!Character.isUpperCase(first) && "\"'<(".indexOf(first) < 0 && words[i].indexOf('@') < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text opens the way an attribution does: "On", "Am", "Le", … a date or a weekday. */
    static boolean beginsLikeOne(String norm) {
        if (norm.isEmpty()) {
            return false;
        }
        if (Character.isDigit(norm.charAt(0)) || norm.startsWith("--") || weekdayFirst(norm)) {
            return true;
        }
        for (String start : STARTS) {
            if (norm.startsWith(start) && (norm.length() == start.length()
                    || !Character.isLetter(norm.charAt(start.length())) || !Texts.spaced(start.charAt(0)))) {
                return true;
            }
        }
        return false;
    }

    /** The keyword positions in a line where an attribution may begin after the end of the reply. */
    static boolean startsHere(String norm, int at) {
        return at > 0 && norm.charAt(at - 1) == ' ' && beginsLikeOne(norm.substring(at));
    }

    private static boolean weekdayFirst(String norm) {
        int end = 0;
        while (end < norm.length() && end < 16 && norm.charAt(end) != ' ' && norm.charAt(end) != ',') {
            end++;
        }
        return WEEKDAYS.contains(norm.substring(0, end));
    }

    /** Where the last whole-word verb ends in the text, or -1 when it has none. */
    private static int verbEnd(String core, List<String> verbs) {
        int best = -1;
        for (String verb : verbs) {
            for (int at = core.indexOf(verb); at >= 0; at = core.indexOf(verb, at + 1)) {
                int end = at + verb.length();
                if (Texts.wholeWord(core, at, end)) {
                    best = Math.max(best, end);
                }
            }
        }
        return best;
    }

    private static boolean endsWithAddress(String core) {
        int space = core.lastIndexOf(' ');
        String last = core.substring(space + 1);
        return last.indexOf('@') > 0 || (core.endsWith(">") && core.lastIndexOf('@') > core.lastIndexOf('<'));
    }
}
