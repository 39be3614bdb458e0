package ticketdesk.mail.inbound;

import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import ticketdesk.mail.MailSettings;
import ticketdesk.mail.outbound.MessageIds;
import ticketdesk.mail.reply.ParsedMail;

/**
 * Tells mail that must never be acted on or answered: auto-replies and bounces ({@code Auto-Submitted}
 * other than {@code no}, {@code Precedence: bulk|list|junk}, {@code List-*}, a null return path,
 * MAILER-DAEMON and postmaster, X-Autoreply / X-Autorespond, delivery reports) and our own mail.
 */
@Singleton
class LoopGuard {

    private static final Set<String> SYSTEM_SENDERS = Set.of("mailer-daemon", "postmaster");
    private static final Set<String> BULK = Set.of("bulk", "list", "junk", "auto_reply");

    private final MailSettings settings;
    private final MessageIds ids;

    LoopGuard(MailSettings settings, MessageIds ids) {
        this.settings = settings;
        this.ids = ids;
    }

    /** Why this mail is automated, or empty when a person wrote it. */
    Optional<String> automated(ParsedMail mail) {
        String autoSubmitted = mail.header("Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of("Auto-Submitted: " + autoSubmitted);
        }
        String precedence = mail.header("Precedence");
        if (precedence != null && BULK.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("Precedence: " + precedence);
        }
        if (mail.hasHeaderStartingWith("List-")) {
            return Optional.of("a mailing list's mail (List-* headers)");
        }
        String returnPath = mail.header("Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return Optional.of("null return path (a bounce)");
        }
        for (String header : new String[] {"X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Failed-Recipients"}) {
            if (mail.header(header) != null) {
                return Optional.of(header + " header");
            }
        }
        String from = mail.from();
        if (from != null && SYSTEM_SENDERS.contains(from.substring(0, from.indexOf('@')))) {
            return Optional.of("from " + from);
        }
        String contentType = mail.header("Content-Type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/report")) {
            return Optional.of("a delivery report");
        }
        return Optional.empty();
    }

    /** Our own notification (or an answer of ours) that came back to the support mailbox. */
    boolean own(ParsedMail mail) {
        String from = mail.from();
        if (from != null) {
            String local = from.substring(0, from.indexOf('@'));
            String domain = from.substring(from.indexOf('@') + 1);
            if (domain.equals(settings.fromDomain()) && (local.equals(settings.fromLocalPart())
                    || local.startsWith(settings.fromLocalPart() + "+"))) {
                return true;
            }
        }
        return ids.isOurs(mail.messageId());
    }
}
