package ticketdesk.core.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import java.sql.Connection;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.Supplier;
import ticketdesk.core.Channel;
import ticketdesk.core.Refusal;
import ticketdesk.core.Times;
import ticketdesk.core.audit.Actor;
import ticketdesk.core.ticket.TicketPool;

/** Creates and edits users, with the chat identity an admin gives them, and sets admin passwords. */
@Singleton
public class ManagingUsers {

    private final UserRepository users;
    private final UserFields.Input input;
    private final Passwords passwords;
    private final Times times;
    private final TransactionOperations<Connection> tx;
    private final TicketPool pool;
    private final IdentityLinks links;
    private final AccountEvents account;

    ManagingUsers(UserRepository users, PhoneNumbers phones, Passwords passwords, Times times,
                  TransactionOperations<Connection> tx, TicketPool pool, IdentityLinks links, AccountEvents account) {
        this.users = users;
        this.input = new UserFields.Input(users, phones);
        this.passwords = passwords;
        this.times = times;
        this.tx = tx;
        this.pool = pool;
        this.links = links;
        this.account = account;
    }

    /**
     * A new user, or the refusal. When another admin saves the same email or Slack id at the same moment, the
     * database's unique keys stop the second save, which is then refused as if it had come a moment later.
     */
    public UserResult create(NewUser user) {
        return create(user, Actor.system());
    }

    /** As {@link #create(NewUser)}, recorded as {@code actor}'s doing in the user's history. */
    public UserResult create(NewUser user, Actor actor) {
        Optional<Refusal> weak = weakPassword(user.password());
        if (weak.isPresent()) {
            return new UserResult.Refused(weak.get());
        }
        try {
            // Argon2 takes a while: hashed before the transaction, so no connection waits for it
            String hash = hash(user.password());
            return tx.executeWrite(s -> save(user, hash, actor));
        } catch (DataAccessException raced) {
            return refusedAfterRace(raced, () -> validate(user));
        }
    }

    /** After the database's unique keys stopped a save: the refusal it would have got a moment later. */
    private UserResult refusedAfterRace(DataAccessException raced, Supplier<UserFields> validation) {
        return tx.executeRead(s -> Optional.ofNullable(validation.get().refusal))
                .<UserResult>map(UserResult.Refused::new).orElseThrow(() -> raced);
    }

    private static Optional<Refusal> weakPassword(@Nullable String password) {
        return password == null || password.isEmpty() ? Optional.empty() : Passwords.refusalOf(password);
    }

    private String hash(@Nullable String password) {
        return password == null || password.isEmpty() ? null : passwords.hash(password);
    }

    private UserFields validate(NewUser user) {
        return input.validate(user.displayName(), user.email(), user.phone(), user.role(), user.profession(),
                user.organization(), user.slackUserId(), null);
    }

    private UserFields validate(UserChanges change) {
        return input.validate(change.displayName(), change.email(), change.phone(), change.role(),
                change.profession(), change.organization(), change.slackUserId(), change.userId());
    }

    private UserResult save(NewUser user, @Nullable String hash, Actor actor) {
        UserFields fields = validate(user);
        if (fields.refusal != null) {
            return new UserResult.Refused(fields.refusal);
        }
        var now = times.now();
        UserRow saved = users.save(new UserRow(null, fields.displayName, fields.email, fields.phone, user.role().db(),
                fields.profession, fields.organization, true, hash, now, now));
        account.created(saved, actor);
        if (fields.slackUserId != null) {
            links.link(saved.id(), Platform.SLACK, fields.slackUserId, actor.userId(), actor.channel());
        }
        return new UserResult.Saved(saved.toUser());
    }

    public UserResult update(UserChanges change) {
        return update(change, null, null, Channel.SYSTEM);
    }

    /**
     * The edit and, when {@code newPassword} is given, the new password: both saved or neither. A new password or
     * role ends the user's sessions (see {@link UserSessions}) in the same transaction. Someone
     * who may no longer work tickets gives the ones they held back to the pool, as on deactivation; the
     * tickets' timelines name {@code actorId} (the admin making the edit, if known) and {@code channel}.
     */
    public UserResult update(UserChanges change, @Nullable String newPassword, @Nullable Long actorId,
                             Channel channel) {
        return update(change, newPassword, new Actor(actorId, channel, null));
    }

    /** As above; each changed field is recorded in the user's history as {@code actor}'s doing. */
    public UserResult update(UserChanges change, @Nullable String newPassword, Actor actor) {
        Optional<Refusal> weak = weakPassword(newPassword);
        if (weak.isPresent()) {
            return new UserResult.Refused(weak.get());
        }
        try {
            String newHash = hash(newPassword);
            return tx.executeWrite(s -> save(change, newHash, actor));
        } catch (DataAccessException raced) {
            return refusedAfterRace(raced, () -> validate(change));
        }
    }

    private UserResult save(UserChanges change, @Nullable String newHash, Actor actor) {
        Optional<UserRow> existing = users.findById(change.userId());
        if (existing.isEmpty()) {
            return new UserResult.Refused(Refusal.notFound("user #" + change.userId()));
        }
        UserFields fields = validate(change);
        if (fields.refusal != null) {
            return new UserResult.Refused(fields.refusal);
        }
        UserRow old = existing.get();
        String hash = newHash == null ? old.passwordHash() : newHash;
        boolean demotesAnAdmin = old.active() && Role.ADMIN.db().equals(old.role()) && change.role() != Role.ADMIN;
        if (demotesAnAdmin && users.lockActiveAdmins().size() <= 1) {
            return new UserResult.Refused(Refusal.notAllowed("the last active admin must stay an admin"));
        }
        UserRow updated = users.update(new UserRow(old.id(), fields.displayName, fields.email, fields.phone,
                change.role().db(), fields.profession, fields.organization, old.active(), hash,
                old.createdAt(), times.now()));
        account.changed(old, updated, actor);
        if (newHash != null || !old.role().equals(change.role().db())) {
            users.endSessions(old.id());
        }
        links.replace(old.id(), Platform.SLACK, fields.slackUserId, actor.userId(), actor.channel());
        if (Role.fromDb(old.role()).canWorkTickets() && !change.role().canWorkTickets()) {
            pool.returnTicketsHeldBy(old.id(), actor.userId(), actor.channel(), old.role() + " became " + change.role().db());
        }
        return new UserResult.Saved(updated.toUser());
    }

    /** Sets a password as it is, ending the user's sessions; for bootstrapping and tests. */
    @Transactional
    public void setPassword(long userId, String password) {
        if (users.updatePasswordHash(userId, passwords.hash(password), times.now()) > 0) {
            users.endSessions(userId);
            account.passwordChanged(userId, Actor.system());
        }
    }
}
