package ticketdesk.mail.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps the new text of a reply: drops the quoted history (Gmail's "On … wrote:", German "Am …
 * schrieb …:", French "Le … a écrit :", Outlook's "-----Original Message-----" and its
 * From:/Sent:/To:/Subject: block, {@code >} lines) and the signature ({@code -- }, "Sent from my
 * iPhone" and its kin).
 */
public final class ReplyExtractor {

    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^(On\\s.+\\swrote:|Am\\s.+\\sschrieb\\s?.*:|Le\\s.+\\sa\\s+[ée]crit\\s?:|El\\s.+\\sescribi[óo]:"
                    + "|Op\\s.+\\sschreef.*:|Il\\s.+\\sha\\s+scritto:)\\s*$", Pattern.CASE_INSENSITIVE);
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
        List<String> lines = body.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        String above = keep(lines, historyStart(lines), false);
        // nothing above the quote: the writer answered below it (bottom-posting)
        return above.isEmpty() ? keep(lines, lines.size(), true) : above;
    }

    private static String keep(List<String> lines, int end, boolean dropAttributions) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            String line = lines.get(i);
            if (SIGNATURE.matcher(line).matches() || MOBILE_SIGNATURE.matcher(line.strip()).matches()) {
                break;
            }
            boolean attribution = dropAttributions && (ATTRIBUTION.matcher(line.strip()).matches()
                    || ORIGINAL_MESSAGE.matcher(line.strip()).matches());
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
            if (ATTRIBUTION.matcher(line).matches() || ORIGINAL_MESSAGE.matcher(line).matches()) {
                return i;
            }
            if (ATTRIBUTION_START.matcher(line).matches() && wrappedAttribution(lines, i)) {
                return i;
            }
            if ((UNDERSCORES.matcher(line).matches() && i + 1 < lines.size()
                    && HEADER_FROM.matcher(lines.get(i + 1)).matches() && headerBlock(lines, i + 1))
                    || (HEADER_FROM.matcher(line).matches() && headerBlock(lines, i))) {
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
            if (ATTRIBUTION.matcher(joined).matches()) {
                return true;
            }
        }
        return false;
    }

    /** A From: line followed closely by at least one of Sent:/Date:/To:/Subject: — Outlook's quoted header. */
    private static boolean headerBlock(List<String> lines, int from) {
        int others = 0;
        for (int j = from + 1; j < Math.min(lines.size(), from + 6); j++) {
            if (HEADER_OTHER.matcher(lines.get(j)).matches()) {
                others++;
            }
        }
        return others >= 2;
    }
}
