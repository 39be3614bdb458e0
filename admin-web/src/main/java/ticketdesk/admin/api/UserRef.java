package ticketdesk.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import ticketdesk.core.user.User;

/** A person named in an answer: id and display name. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record UserRef(long id, String name) {

    public static UserRef of(User user) {
        return user == null ? null : new UserRef(user.id(), user.displayName());
    }
}
