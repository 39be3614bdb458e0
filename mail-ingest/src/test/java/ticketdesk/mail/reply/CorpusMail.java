package ticketdesk.mail.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ticketdesk.mail.Emails;

/**
 * The raw mail a corpus case arrives as: a {@code .txt} body inside a plain reply to the ticket's
 * notification, or a {@code .eml} message as its client wrote it, readdressed to this test's requester,
 * reply address and notification (every other header, the body and its encoding stay as written).
 */
final class CorpusMail {

    private CorpusMail() {
    }

    static String of(ReplyCase reply, String from, String to, String subject, String messageId, String answered) {
        if (!reply.isMessage()) {
            return Emails.plain(from, to, "Re: " + subject, messageId, answered, "", reply.input());
        }
        String raw = reply.input().replace("\r\n", "\n");
        int split = raw.indexOf("\n\n");
        List<String> fields = new ArrayList<>();
        for (String line : raw.substring(0, split).split("\n")) {
            if ((line.startsWith(" ") || line.startsWith("\t")) && !fields.isEmpty()) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "\n" + line);
            } else {
                fields.add(line);
            }
        }
        StringBuilder out = new StringBuilder();
        for (String field : fields) {
            out.append(readdressed(field, from, to, messageId, answered)).append('\n');
        }
        return out.append(raw.substring(split + 1)).toString();
    }

    /** The unfolded value of a header of a raw message, or null. */
    static String header(String raw, String name) {
        String head = raw.replace("\r\n", "\n");
        int end = head.indexOf("\n\n");
        for (String line : (end < 0 ? head : head.substring(0, end)).split("\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return null;
    }

    private static String readdressed(String field, String from, String to, String messageId, String answered) {
        String name = field.substring(0, Math.max(0, field.indexOf(':'))).toLowerCase(Locale.ROOT);
        return switch (name) {
            case "from" -> field.contains("<") ? field.replaceFirst("<[^<>]*>\\s*$", "<" + from + ">")
                    : "From: " + from;
            case "to" -> "To: " + to;
            case "message-id" -> "Message-ID: " + messageId;
            case "in-reply-to", "references" -> field.substring(0, field.indexOf(':') + 1) + " " + answered;
            case "return-path" -> "Return-Path: <" + from + ">";
            default -> field;
        };
    }
}
