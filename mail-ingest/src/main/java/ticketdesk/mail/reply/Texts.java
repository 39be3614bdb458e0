package ticketdesk.mail.reply;

import java.text.Normalizer;
import java.util.Locale;

/** The matching form of a line and the few character tests the rules share. */
final class Texts {

    /** No attribution, header or signature line is this long; longer lines are text, never matched. */
    static final int MAX_LINE = 1_000;

    private Texts() {
    }

    /** Lower case, NFC, one plain space for any run of spaces (no-break ones too), curly apostrophes straight. */
    static String norm(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B') {
                space = !out.isEmpty();
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c == '\u2019' || c == '\u02BC' ? '\'' : c);
        }
        String plain = out.toString();
        String composed = Normalizer.isNormalized(plain, Normalizer.Form.NFC) ? plain
                : Normalizer.normalize(plain, Normalizer.Form.NFC);
        // Turkish capital İ lower-cases to i and a combining dot; words are matched without it
        return composed.toLowerCase(Locale.ROOT).replace("i\u0307", "i");
    }

    static boolean blank(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\uFEFF' && c != '\u200B') {
                return false;
            }
        }
        return true;
    }

    static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A time of day somewhere: one or two digits, ':' '.' or 'h', two digits ("10:15", "10.15", "10h15"). */
    static boolean hasTime(String text) {
        for (int i = 1; i + 2 < text.length(); i++) {
            char sep = text.charAt(i);
            if ((sep == ':' || sep == '.' || sep == 'h') && isDigit(text, i - 1) && isDigit(text, i + 1)
                    && isDigit(text, i + 2)) {
                return true;
            }
        }
        return false;
    }

    static boolean isDigit(String text, int at) {
        return at >= 0 && at < text.length() && Character.isDigit(text.charAt(at));
    }

    /** Whether the phrase at {@code from} stands as whole words; scripts written without spaces have no words. */
    static boolean wholeWord(String text, int from, int to) {
        if (!spaced(text.charAt(from))) {
            return true;
        }
        return (from == 0 || !Character.isLetter(text.charAt(from - 1)))
                && (to >= text.length() || !Character.isLetter(text.charAt(to)));
    }

    /** Latin, Greek, Cyrillic and the like separate words with spaces; CJK and kana do not. */
    static boolean spaced(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HIRAGANA
                && script != Character.UnicodeScript.KATAKANA && script != Character.UnicodeScript.HANGUL;
    }

    /** The text without the dashes, underscores, equals signs, stars and spaces around it. */
    static String undecorated(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && decoration(text.charAt(from))) {
            from++;
        }
        while (to > from && decoration(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }

    static int leadingDecoration(String text) {
        int n = 0;
        while (n < text.length() && decoration(text.charAt(n)) && text.charAt(n) != ' ') {
            n++;
        }
        return n;
    }

    static boolean decoration(char c) {
        return c == '-' || c == '_' || c == '=' || c == '*' || c == '~' || c == ' ' || c == '\u2014'
                || c == '\u2013';
    }

    /** Cuts at most {@code max} characters, never between the two halves of a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
