package ticketdesk.core.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;
import ticketdesk.core.Channel;
import ticketdesk.core.audit.Actor;
import ticketdesk.core.audit.UserEventLog;
import ticketdesk.core.audit.UserEventType;

/**
 * Sign-ins in the user's history, with the client's address: each success, and each failed attempt on an account
 * (its actor unknown). An attempt with an email that is no account has no history to go to; the sign-in throttle
 * still counts it.
 */
@Singleton
public class SignIns {

    private final UserRepository users;
    private final UserEventLog events;

    SignIns(UserRepository users, UserEventLog events) {
        this.users = users;
        this.events = events;
    }

    @Transactional
    public void succeeded(long userId, Channel channel, @Nullable String address) {
        events.write(userId, new Actor(userId, channel, address), UserEventType.SIGNED_IN, null, null, null);
    }

    /** Records the failure on the account of {@code email}; false when no account has that email. */
    @Transactional
    public boolean failed(@Nullable String email, Channel channel, @Nullable String address) {
        String normalised = UserFields.emailOrNull(email);
        Optional<UserRow> account = normalised == null ? Optional.empty() : users.findByEmail(normalised);
        account.ifPresent(user -> events.write(user.id(), new Actor(null, channel, address),
                UserEventType.SIGN_IN_FAILED, null, null, null));
        return account.isPresent();
    }
}
