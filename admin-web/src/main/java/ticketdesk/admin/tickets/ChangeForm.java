package ticketdesk.admin.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ticketdesk.core.Channel;
import ticketdesk.core.ticket.Commands.ChangeTicket;
import ticketdesk.core.ticket.Priority;
import ticketdesk.core.ticket.Ticket;

/**
 * The change form as posted: the fields as typed and, hidden, as the page showed them. Only a field that differs
 * from what was shown is sent to core, so a field someone else changed meanwhile is not set back.
 */
@Serdeable
record ChangeForm(@Nullable String title, @Nullable String description, @Nullable String priority,
                  @Nullable String category, @Nullable String shownTitle, @Nullable String shownDescription,
                  @Nullable String shownPriority, @Nullable String shownCategory) {

    /** The command with the changed fields only; empty when the priority is none of core's. */
    Optional<ChangeTicket> command(long ticketId, long actorId) {
        String newPriority = changed(priority, shownPriority);
        Optional<Priority> parsed = Priority.parse(newPriority);
        if (newPriority != null && parsed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ChangeTicket(ticketId, actorId, changed(title, shownTitle),
                changed(description, shownDescription), parsed.orElse(null), changed(category, shownCategory),
                Channel.WEB));
    }

    boolean changesNothing() {
        return changed(title, shownTitle) == null && changed(description, shownDescription) == null
                && changed(priority, shownPriority) == null && changed(category, shownCategory) == null;
    }

    /** What the page says of the ticket as core left it: each field this form changed that now differs. */
    String confirmation(Ticket after) {
        List<String> said = new ArrayList<>();
        if (changedTo(after.title(), title, shownTitle)) {
            said.add("Title changed to “" + after.title() + "”.");
        }
        if (changedTo(after.description(), description, shownDescription)) {
            said.add(after.description() == null ? "Description cleared." : "Description changed.");
        }
        if (changedTo(after.priority().db(), priority, shownPriority)) {
            said.add("Priority changed to " + after.priority().db() + ".");
        }
        if (changedTo(after.category(), category, shownCategory)) {
            said.add(after.category() == null ? "Category cleared." : "Category changed to " + after.category() + ".");
        }
        return said.isEmpty() ? "Nothing changed." : String.join(" ", said);
    }

    /** Whether the field was sent as a change and is no longer what the page showed. */
    private static boolean changedTo(String after, String typed, String shown) {
        return changed(typed, shown) != null && differs(after, shown);
    }

    /** The value typed when it differs from the one shown; null when it does not (or was not posted). */
    private static String changed(String typed, String shown) {
        return typed == null || !differs(typed, shown) ? null : typed;
    }

    private static boolean differs(String value, String shown) {
        return !Objects.equals(normal(value), normal(shown));
    }

    /** Browsers post a textarea's line breaks as CRLF, and an empty field for a value the page showed as none. */
    private static String normal(String value) {
        return value == null ? "" : value.replace("\r\n", "\n").strip();
    }
}
