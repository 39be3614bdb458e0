package ticketdesk.mail.reply;

import java.util.List;

/**
 * Where a signature begins: the RFC 3676 delimiter {@code -- } (or {@code --}) above a short block, and
 * the footers mail apps add ("Sent from my iPhone", "Von meinem iPhone gesendet", "Get Outlook for iOS",
 * "iPhoneから送信", …) when they name a device or an app, so "Sent from my desk, it is easier …" stays.
 */
final class Signatures {

    private static final Vocabulary WORDS = Vocabulary.load("signatures.tsv");
    private static final List<String> PREFIXES = WORDS.phrases("prefix");
    private static final List<String> SUFFIXES = WORDS.phrases("suffix");
    private static final List<String> DEVICES = WORDS.phrases("device");
    /** Footers are a few words; a longer line is a sentence that happens to begin the same way. */
    private static final int MAX_FOOTER = 90;
    private static final int MAX_FOOTER_WORDS = 7;
    /** A footer in a script without spaces ("iPhoneから送信", "发自我的华为手机") is this short. */
    private static final int MAX_UNSPACED = 24;
    /** "Samsung Galaxy akıllı telefonumdan gönderildi": the whole footer, verb last. */
    private static final int MAX_SUFFIX_FOOTER_WORDS = 5;
    /** A signature is short: more lines than this below "--" are text. */
    private static final int MAX_SIGNATURE_LINES = 10;
    /** Blank lines included, a signature and the space around it fit in this many lines. */
    private static final int MAX_SIGNATURE_SPAN = 40;

    private Signatures() {
    }

    /** A mail app's footer line. */
    static boolean footer(String line) {
        if (line.length() > MAX_FOOTER * 2) {
            return false;
        }
        String t = withoutLink(Texts.norm(line));
        if (t.isEmpty() || t.length() > MAX_FOOTER || unspacedSentence(t)) {
            return false;
        }
        for (String prefix : PREFIXES) {
            if (t.startsWith(prefix) && words(t.substring(prefix.length())) <= MAX_FOOTER_WORDS) {
                return namesDevice(t);
            }
        }
        for (String suffix : SUFFIXES) {
            if (t.endsWith(suffix) && words(t) <= MAX_SUFFIX_FOOTER_WORDS) {
                return namesDevice(t);
            }
        }
        return false;
    }

    /** The delimiter line of a signature: "--" alone, with at most a short block below it before the quote. */
    static boolean delimiter(List<String> lines, int at, Quotes quotes, AttributionLines attributions) {
        if (!lines.get(at).strip().equals("--")) {
            return false;
        }
        int signature = 0;
        for (int i = at + 1; i < Math.min(lines.size(), at + MAX_SIGNATURE_SPAN); i++) {
            String line = lines.get(i);
            if (quotes.quoted(line) || Separators.kind(line) != null || HeaderBlock.startsAt(lines, i)
                    || attributions.at(i) != null) {
                return true;
            }
            if (!Texts.blank(line) && ++signature > MAX_SIGNATURE_LINES) {
                return false;
            }
        }
        return at + MAX_SIGNATURE_SPAN >= lines.size();
    }

    /** In a script without spaces a long line, or one with a comma or full stop inside ("发自我的电脑，因为…"), is a sentence. */
    private static boolean unspacedSentence(String t) {
        if (t.indexOf(' ') >= 0) {
            return false;
        }
        if (t.length() > MAX_UNSPACED) {
            return true;
        }
        for (int i = 0; i < t.length() - 1; i++) {
            char c = t.charAt(i);
            if (c == '\uFF0C' || c == '\u3001' || c == '\u3002' || c == '\uFF1B') {
                return true;
            }
        }
        return false;
    }

    private static boolean namesDevice(String t) {
        for (String device : DEVICES) {
            if (t.contains(device)) {
                return true;
            }
        }
        return false;
    }

    /** "Get Outlook for iOS<https://aka.ms/o0ukef>": the link is not part of the words. */
    private static String withoutLink(String t) {
        String s = t;
        while (s.endsWith(".") || s.endsWith("!")) {
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        int open = s.lastIndexOf('<');
        if (open > 0 && s.endsWith(">")) {
            s = s.substring(0, open).stripTrailing();
        }
        return s;
    }

    private static int words(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = text.charAt(i) != ' ';
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
        }
        return words;
    }
}
