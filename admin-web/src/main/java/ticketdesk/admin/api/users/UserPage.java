package ticketdesk.admin.api.users;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of users, by name; {@code page} of {@code lastPage}, as the panel pages them. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record UserPage(List<UserView> items, int page, int lastPage) {
}
