package ticketdesk.mail.outbound;

import java.util.List;

/**
 * One email ready to send. {@code replyTo} is null for a one-off answer that takes no replies;
 * {@code autoSubmitted} is {@code auto-generated} for notifications and {@code auto-replied} for answers.
 */
record OutgoingMail(String to, String subject, String text, String html, String messageId,
                           String inReplyTo, List<String> references, String replyTo, String autoSubmitted) {
}
