package ticketdesk.mail.reply;

import java.util.ArrayList;
import java.util.List;
import ticketdesk.core.message.PostingMessage;

/**
 * Keeps the new text of a reply, as core will store it: drops the quoted history (attributions such as
 * "On … wrote:" in 25 languages, Outlook's header blocks, "Original Message" lines, {@code >} quotes with
 * interleaved answers kept) and the signature (the {@code -- } block, app footers, a closing with a
 * name). A forwarded message stays whole: one whose first marker is a forward, or whose subject says
 * forward and whose first marker is a header block.
 */
public final class ReplyExtractor {

    /** More than twice what core keeps of a message: the rest cannot make it into the ticket anyway. */
    static final int MAX_BODY = 2 * PostingMessage.MAX_BODY;
    /** No attribution or signature line is this long; longer lines are text, never matched against patterns. */
    static final int MAX_LINE = Texts.MAX_LINE;

    private ReplyExtractor() {
    }

    public static String extract(String body) {
        return extract(body, null);
    }

    /** The reply text of a body, given the subject of its mail (it tells a forward from a reply). */
    public static String extract(String body, String subject) {
        if (body == null) {
            return "";
        }
        ReplyScanner.Result scanned = new ReplyScanner(lines(Texts.cut(body, MAX_BODY)), subject).scan();
        List<String> kept = scanned.lines();
        return join(scanned.forward() ? kept : kept.subList(0, SignOff.start(kept)));
    }

    private static List<String> lines(String body) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(body.substring(start, i));
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(body.substring(start));
        return lines;
    }

    /** One line per line, trailing spaces gone, and no blank lines or spaces around the whole (as core strips). */
    private static String join(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.stripTrailing()).append('\n');
        }
        return out.toString().strip();
    }
}
