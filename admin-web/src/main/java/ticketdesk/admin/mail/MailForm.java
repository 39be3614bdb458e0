package ticketdesk.admin.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import ticketdesk.admin.web.BadQuery;
import ticketdesk.mail.inbound.Outcome;

/**
 * Any of the mail page's forms as posted: {@code seen} is the outcome the admin saw (the action happens only if the
 * mail still has it), {@code confirmed} the tick that applies a mail found forged, {@code ticket} the ticket to attach
 * it to, {@code displayName} and {@code role} the sender to create.
 */
@Serdeable
record MailForm(@Nullable String seen, @Nullable String confirmed, @Nullable String ticket,
                @Nullable String displayName, @Nullable String role) {

    private static final List<String> WAITING = Outcome.WAITING.stream().map(Outcome::db).toList();

    Outcome seenOutcome() {
        String value = BadQuery.oneOf("outcome", seen, WAITING);
        if (value.isEmpty()) {
            throw new BadQuery("The form did not say which outcome the mail had when you saw it.");
        }
        return Outcome.fromDb(value);
    }

    boolean isConfirmed() {
        return confirmed != null && !confirmed.isBlank();
    }

    /** The ticket number typed, or null for none; one that is no number is a {@link BadQuery}. */
    Long ticketId() {
        String t = ticket == null ? "" : ticket.strip().replaceFirst("^#", "");
        if (t.isEmpty()) {
            return null;
        }
        if (!t.matches("\\d{1,18}")) {
            throw new BadQuery("Ticket must be a ticket number, not \"" + ticket.strip() + "\"");
        }
        return Long.parseLong(t);
    }
}
