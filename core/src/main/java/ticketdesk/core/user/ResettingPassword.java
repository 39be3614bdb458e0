package ticketdesk.core.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import ticketdesk.core.Refusal;
import ticketdesk.core.Times;
import ticketdesk.core.audit.Actor;

/**
 * The operator's way back into the panel: a new password for an active admin (generated, or chosen and held to
 * the password policy), set together with the end of every session of theirs and the lifting of their sign-in
 * lock-out, in one transaction.
 */
@Singleton
public class ResettingPassword {

    public sealed interface Result {
        /** {@code password} is shown to the operator once when {@code generated}; it is stored only as a hash. */
        record Reset(User admin, String password, boolean generated) implements Result {
        }

        record Refused(Refusal refusal) implements Result {
        }
    }

    private final UserRepository users;
    private final Passwords passwords;
    private final List<SignInLockouts> lockouts;
    private final Times times;
    private final TransactionOperations<Connection> tx;
    private final AccountEvents account;

    ResettingPassword(UserRepository users, Passwords passwords, List<SignInLockouts> lockouts, Times times,
                      TransactionOperations<Connection> tx, AccountEvents account) {
        this.users = users;
        this.passwords = passwords;
        this.lockouts = lockouts;
        this.times = times;
        this.tx = tx;
        this.account = account;
    }

    /** Resets the password of the admin with this email to {@code chosen}, or to a generated one when null. */
    public Result reset(String email, @Nullable String chosen) {
        boolean generated = chosen == null;
        String password = generated ? passwords.generate() : chosen;
        Optional<Refusal> weak = Passwords.refusalOf(password);
        if (weak.isPresent()) {
            return new Result.Refused(weak.get());
        }
        String hash = passwords.hash(password);
        return tx.executeWrite(s -> store(email, hash, password, generated));
    }

    private Result store(String email, String hash, String password, boolean generated) {
        String normalised = UserFields.emailOrNull(email);
        Optional<UserRow> row = normalised == null ? Optional.empty() : users.lockByEmail(normalised);
        if (row.isEmpty()) {
            return new Result.Refused(new Refusal(Refusal.Reason.NOT_FOUND, "no user has the email " + email));
        }
        User user = row.get().toUser();
        if (!user.active()) {
            return new Result.Refused(new Refusal(Refusal.Reason.INACTIVE_USER, user.email()
                    + " is deactivated; an admin can reactivate them in the panel, or create a new admin"));
        }
        if (!user.isAdmin()) {
            return new Result.Refused(Refusal.wrongRole(user.email() + " is not an admin (their role is "
                    + user.role().db() + "); only admins sign in with a password"));
        }
        users.updatePasswordHash(user.id(), hash, times.now());
        users.endSessions(user.id());
        account.passwordChanged(user.id(), Actor.system());
        lockouts.forEach(lockout -> lockout.lift(user.email()));
        return new Result.Reset(user, password, generated);
    }
}
