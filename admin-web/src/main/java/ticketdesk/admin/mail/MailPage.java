package ticketdesk.admin.mail;

import java.util.Map;
import ticketdesk.admin.web.Formats;
import ticketdesk.core.user.User;
import ticketdesk.mail.inbound.WaitingMail;

/**
 * One mail as its page shows it. {@code sender} is the user with its From address (null: none), {@code forged} the
 * receiving server's reason when it found the sender forged, {@code handled} who applied, attached or dismissed it.
 */
record MailPage(long id, String messageId, String receivedAt, String from, String suggestedName, String subject,
                String outcome, String seen, boolean waits, String why, Long ticketId, String text, String raw,
                String rawSize, String forged, Sender sender, String handled, String handledAt) {

    record Sender(long id, String name, boolean active) {
    }

    static MailPage of(WaitingMail.Details d, User sender, Map<Long, String> names) {
        String handled = d.handledBy() == null ? null : d.handledAs() + " by "
                + names.getOrDefault(d.handledBy(), "#" + d.handledBy());
        return new MailPage(d.id(), d.messageId(), Formats.time(d.receivedAt()), d.from(), suggestedName(d),
                d.subject(), MailWords.of(d.outcome()), d.outcome().db(), d.waits(), d.why(), d.ticketId(), d.text(),
                d.rawStart(), size(d.rawSize()), d.forged(),
                sender == null ? null : new Sender(sender.id(), sender.displayName(), sender.active()), handled,
                Formats.time(d.handledAt()));
    }

    private static String suggestedName(WaitingMail.Details d) {
        if (d.fromName() != null && !d.fromName().isBlank()) {
            return d.fromName().strip();
        }
        return d.from() == null ? "" : d.from().substring(0, Math.max(0, d.from().indexOf('@')));
    }

    private static String size(long bytes) {
        return bytes > WaitingMail.SHOWN ? "(first " + WaitingMail.SHOWN / 1000 + " kB of " + bytes / 1000 + " kB)"
                : "(" + bytes + " bytes)";
    }
}
