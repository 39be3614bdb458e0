package ticketdesk.core.ticket;

import jakarta.inject.Singleton;
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
        return of(userId, users.byId(userId).orElse(null));
    }

    /** The refusal to give user {@code userId}, already looked up as {@code user} (null when unknown). */
    static Acting of(long userId, User user) {
        if (user == null) {
            return new Acting(null, Refusal.notFound("user #" + userId));
        }
        if (!user.active()) {
            return new Acting(user, Refusal.inactive());
        }
        return new Acting(user, null);
    }

    /** A loaded actor: {@code refusal} is null when they may act. */
    public record Acting(User user, Refusal refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }
}
