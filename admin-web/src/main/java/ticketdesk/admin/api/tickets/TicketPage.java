package ticketdesk.admin.api.tickets;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of tickets, newest first; {@code next} is the {@code after} of the next page, null on the last. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record TicketPage(List<TicketView> items, String next) {
}
