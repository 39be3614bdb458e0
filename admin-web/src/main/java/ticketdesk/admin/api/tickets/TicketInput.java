package ticketdesk.admin.api.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import ticketdesk.core.Refusal;
import ticketdesk.core.ticket.Priority;

/** What a client sends to open a ticket or change its fields: a field left out (null) is not set or not changed. */
@Serdeable
public record TicketInput(@Nullable String title, @Nullable String description, @Nullable String priority,
                          @Nullable String category) {

    /** The priority named, or null when none is; a refusal naming the field when it is no priority. */
    static Optional<Refusal> priorityRefusal(String priority) {
        return priority == null || Priority.parse(priority).isPresent() ? Optional.empty()
                : Optional.of(Refusal.invalid("priority", "unknown priority '" + priority + "'; known: "
                        + Arrays.stream(Priority.values()).map(Priority::db).collect(Collectors.joining(", "))));
    }

    Priority parsedPriority() {
        return priority == null ? null : Priority.parse(priority).orElse(null);
    }
}
