package ticketdesk.mail.reply;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import ticketdesk.core.message.Attachment;

/**
 * What one raw email says, decoded. {@code text} is the whole body as plain text (the HTML part turned
 * into text when there is no plain one); {@code notes} say what could only be read on a best-effort
 * basis (an unknown charset, a skipped attachment); {@code malformed} is set when the structure could
 * not be read at all.
 */
public record ParsedMail(
        String messageId,
        String from,
        String fromName,
        String subject,
        List<String> recipients,
        List<String> inReplyTo,
        List<String> references,
        Map<String, List<String>> headers,
        String text,
        List<Attachment> attachments,
        List<String> notes,
        String malformed) {

    /** The first value of a header (name case-insensitive), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public boolean hasHeaderStartingWith(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        return headers.keySet().stream().anyMatch(k -> k.startsWith(p));
    }

    /** In-Reply-To first, then References from the newest: the ids this mail answers. */
    public List<String> answeredIds() {
        var ids = new java.util.ArrayList<>(inReplyTo);
        for (int i = references.size() - 1; i >= 0; i--) {
            if (!ids.contains(references.get(i))) {
                ids.add(references.get(i));
            }
        }
        return ids;
    }
}
