package ticketdesk.mail.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import ticketdesk.core.message.PostingMessage;

/**
 * Keeps the new text of a reply: drops the quoted history (Gmail's "On … wrote:", German "Am …
 * schrieb …:", French "Le … a écrit :", Outlook's "-----Original Message-----" and its
 * From:/Sent:/To:/Subject: block, {@code >} lines) and the signature ({@code -- }, "Sent from my
 * iPhone" and its kin).
 */
public final class ReplyExtractor {

    /** More than twice what core keeps of a message: the rest cannot make it into the ticket anyway. */
    static final int MAX_BODY = 2 * PostingMessage.MAX_BODY;
    /** No attribution or signature line is this long; longer lines are text, never matched against patterns. */
    static final int MAX_LINE = 1_000;

    // bounded runs without newlines ([^\n]{1,300}?), never two unbounded wildcards: linear on hostile lines
    private static final String WHO_WHEN = "[^\\n]{1,300}?";
    private static final Pattern ATTRIBUTION = Pattern.compile("^(On\\s" + WHO_WHEN + "\\swrote:"
            + "|Am\\s" + WHO_WHEN + "\\sschrieb[^\\n:]{0,100}:|Le\\s" + WHO_WHEN + "\\sa\\s{1,3}[ée]crit\\s?:"
            + "|El\\s" + WHO_WHEN + "\\sescribi[óo]:|Op\\s" + WHO_WHEN + "\\sschreef[^\\n:]{0,100}:"
            + "|Il\\s" + WHO_WHEN + "\\sha\\s{1,3}scritto:)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTION_START = Pattern.compile("^(On|Am|Le|El|Op|Il)\\s.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^\\s*-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Forwarded message"
                    + "|Mensaje original|Messaggio originale)\\s*-{2,}\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNDERSCORES = Pattern.compile("^\\s*_{10,}\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile("^\\s*\\*?(From|Von|De|Van|Da)\\s?:\\*?\\s.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_OTHER = Pattern.compile(
            "^\\s*\\*?(Sent|Date|To|Subject|Gesendet|Datum|An|Betreff|Envoyé|À|Objet|Cc)\\s?:\\*?.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGNATURE = Pattern.compile("^--\\s?$");
    private static final Pattern MOBILE_SIGNATURE = Pattern.compile(
            "^(Sent from my .+|Sent from (Outlook|Mail|Yahoo Mail).*|Get Outlook for .+|Von meinem .+ gesendet"
                    + "|Envoyé de mon .+|Enviado desde mi .+|Sent via .+)$", Pattern.CASE_INSENSITIVE);

    private ReplyExtractor() {
    }

    public static String extract(String body) {
        if (body == null) {
            return "";
        }
        if (body.length() > MAX_BODY) {
            body = body.substring(0, MAX_BODY);
        }
        List<String> lines = body.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        String above = keep(lines, historyStart(lines), false);
        // nothing above the quote: the writer answered below it (bottom-posting)
        return above.isEmpty() ? keep(lines, lines.size(), true) : above;
    }

    private static String keep(List<String> lines, int end, boolean dropAttributions) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            String line = lines.get(i);
            if (matches(SIGNATURE, line) || matches(MOBILE_SIGNATURE, line.strip())) {
                break;
            }
            boolean attribution = dropAttributions && (matches(ATTRIBUTION, line.strip())
                    || matches(ORIGINAL_MESSAGE, line.strip()));
            if (!line.startsWith(">") && !attribution) {
                kept.add(line.stripTrailing());
            }
        }
        return String.join("\n", kept).replaceAll("\n{3,}", "\n\n").strip();
    }

    /** The index of the first line of the quoted history, or the number of lines when there is none. */
    private static int historyStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (matches(ATTRIBUTION, line) || matches(ORIGINAL_MESSAGE, line)) {
                return i;
            }
            if (matches(ATTRIBUTION_START, line) && wrappedAttribution(lines, i)) {
                return i;
            }
            if ((matches(UNDERSCORES, line) && i + 1 < lines.size()
                    && matches(HEADER_FROM, lines.get(i + 1)) && headerBlock(lines, i + 1))
                    || (matches(HEADER_FROM, line) && headerBlock(lines, i))) {
                return i;
            }
        }
        return lines.size();
    }

    /** "On Mon, … Alice <" / "alice@example.com> wrote:" — a client wrapped the attribution over lines. */
    private static boolean wrappedAttribution(List<String> lines, int start) {
        StringBuilder joined = new StringBuilder(lines.get(start).strip());
        for (int j = start + 1; j < Math.min(lines.size(), start + 3); j++) {
            joined.append(' ').append(lines.get(j).strip());
            if (matches(ATTRIBUTION, joined)) {
                return true;
            }
        }
        return false;
    }

    /** Lines longer than {@link #MAX_LINE} are never an attribution, header or signature, and never scanned. */
    private static boolean matches(Pattern pattern, CharSequence line) {
        return line.length() <= MAX_LINE && pattern.matcher(line).matches();
    }

    /** A From: line followed closely by at least one of Sent:/Date:/To:/Subject: — Outlook's quoted header. */
    private static boolean headerBlock(List<String> lines, int from) {
        int others = 0;
        for (int j = from + 1; j < Math.min(lines.size(), from + 6); j++) {
            if (matches(HEADER_OTHER, lines.get(j))) {
                others++;
            }
        }
        return others >= 2;
    }
}
