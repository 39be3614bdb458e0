package ticketdesk.core.ticket;

import jakarta.inject.Singleton;
import java.util.Optional;
import ticketdesk.core.Refusal;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

/** Who is acting: loaded once per command and refused when unknown or deactivated. */
@Singleton
public class Actors {

    private final UserDirectory users;

    Actors(UserDirectory users) {
        this.users = users;
    }

    /** The active user, or the refusal to give them. */
    public Acting load(long userId) {
        Optional<User> user = users.byId(userId);
        if (user.isEmpty()) {
            return new Acting(null, Refusal.notFound("user #" + userId));
        }
        if (!user.get().active()) {
            return new Acting(user.get(), Refusal.inactive());
        }
        return new Acting(user.get(), null);
    }

    /** A loaded actor: {@code refusal} is null when they may act. */
    public record Acting(User user, Refusal refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }
}
