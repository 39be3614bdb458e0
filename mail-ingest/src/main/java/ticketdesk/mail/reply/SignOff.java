package ticketdesk.mail.reply;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The closing at the very end of a reply: a sign-off of {@code sign-offs.tsv} on its own line followed
 * by a name and at most a few short signature lines ("Best,\nDaniel", "Grüße\nJürgen\nIT"), or a
 * dashed name ("—Daniel"). Dropped only when text remains above it.
 */
final class SignOff {

    private static final Set<String> CLOSINGS = new HashSet<>(Vocabulary.load("sign-offs.tsv").phrases(""));
    private static final int MAX_TAIL_LINES = 6;
    private static final int MAX_LINE_LENGTH = 80;
    /** Links and image names included, a signature line is never longer than this. */
    private static final int MAX_RAW_LINE_LENGTH = 400;
    private static final int MAX_LINE_WORDS = 12;

    private SignOff() {
    }

    /** Where the closing starts among the kept lines, or {@code lines.size()} when there is none. */
    static int start(List<String> lines) {
        int last = lastText(lines, lines.size());
        if (last < 0) {
            return lines.size();
        }
        return dashedNameAt(lines, last) ? last : closingAbove(lines, last);
    }

    /** "—Daniel" as the last line, below text that is not a list of such lines. */
    private static boolean dashedNameAt(List<String> lines, int last) {
        int above = lastText(lines, last);
        return dashedName(lines.get(last)) && above >= 0
                && lines.get(above).strip().charAt(0) != lines.get(last).strip().charAt(0);
    }

    /** A closing line followed by a name and short signature lines up to {@code last}, with text above it. */
    private static int closingAbove(List<String> lines, int last) {
        int tail = 0;
        String below = null;
        for (int i = last; i >= 0 && tail <= MAX_TAIL_LINES; i--) {
            String line = lines.get(i);
            if (Texts.blank(line)) {
                continue;
            }
            if (below != null && closing(line) && nameLike(below)) {
                return lastText(lines, i) >= 0 ? i : lines.size();
            }
            if (!signatureLike(line)) {
                return lines.size();
            }
            below = rule(line) ? below : line;
            tail++;
        }
        return lines.size();
    }

    private static boolean closing(String line) {
        String t = Texts.norm(line);
        while (!t.isEmpty() && ",.!;:-\u2014\u3002\uFF01".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).stripTrailing();
        }
        return CLOSINGS.contains(t);
    }

    /** A name, a title, a company, an address, a phone number: short, and not a sentence or a question. */
    private static boolean signatureLike(String line) {
        if (line.length() > MAX_RAW_LINE_LENGTH) {
            return false;
        }
        String t = withoutLinksAndImages(line.strip());
        if (t.length() > MAX_LINE_LENGTH || words(t) > MAX_LINE_WORDS || t.endsWith("?") || t.endsWith(":")
                || t.regionMatches(true, 0, "p.s", 0, 3) || t.startsWith("PS ") || t.startsWith("PS:")) {
            return false;
        }
        return !sentence(t);
    }

    /** Outlook writes a signature's logo as "[cid:image001.png@01DB…]" and a link as "<https://…>". */
    private static String withoutLinksAndImages(String line) {
        StringBuilder kept = new StringBuilder(line.length());
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            int close = c == '<' ? line.indexOf('>', i) : c == '[' ? line.indexOf(']', i) : -1;
            String inside = close > i ? line.substring(i + 1, close) : "";
            if (inside.startsWith("http") || inside.startsWith("mailto:") || inside.startsWith("cid:")) {
                i = close + 1;
            } else {
                kept.append(c);
                i++;
            }
        }
        return kept.toString().strip();
    }

    /** "… bis 18 Uhr da." ends a sentence; "Aceitunas del Sur S.L." and "Müller Inc." do not. */
    private static boolean sentence(String t) {
        if (!t.endsWith(".") && !t.endsWith("\u3002")) {
            return false;
        }
        String last = t.substring(t.lastIndexOf(' ') + 1, t.length() - 1);
        return last.length() >= 2 && last.indexOf('.') < 0 && Character.isLowerCase(last.codePointAt(0));
    }

    private static int words(String t) {
        return t.isEmpty() ? 0 : t.split(" +").length;
    }

    /** "━━━━━━", "-----", "＿＿＿": a line drawn between signature parts. */
    private static boolean rule(String line) {
        String t = line.strip();
        return !t.isEmpty() && t.codePoints().noneMatch(Character::isLetterOrDigit);
    }

    /** "Daniel", "Jürgen Weiß", "山田太郎": a capital (or a script without case) and a few words. */
    private static boolean nameLike(String line) {
        String t = line.strip();
        int first = t.codePointAt(0);
        return Character.isLetter(first) && !Character.isLowerCase(first) && t.split(" ").length <= 4;
    }

    /** "—Daniel", "– Daniel", "-Daniel": a dash and one to three words of a name. */
    private static boolean dashedName(String line) {
        String t = line.strip();
        if (t.length() < 2 || t.length() > 40) {
            return false;
        }
        char dash = t.charAt(0);
        boolean wide = dash == '\u2014' || dash == '\u2013';
        if (!(wide || (dash == '-' && Character.isLetter(t.charAt(1))))) {
            return false;
        }
        String name = t.substring(1).strip();
        return !name.isEmpty() && Character.isLetter(name.codePointAt(0)) && name.split(" ").length <= 3
                && name.chars().noneMatch(c -> c == ',' || c == ':' || c == '?' || c == '!');
    }

    private static int lastText(List<String> lines, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (!Texts.blank(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
