package ticketdesk.core.user;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;
import ticketdesk.core.Channel;
import ticketdesk.core.Refusal;
import ticketdesk.core.Times;
import ticketdesk.core.audit.Actor;
import ticketdesk.core.ticket.TicketPool;

/**
 * Rule 8: a deactivated user can no longer act anywhere, their sessions end (and stay ended after a
 * reactivation); the tickets they held go back to the pool, each with its event; nothing of their history is removed.
 * Each deactivation and reactivation is a user event, in the same transaction.
 */
@Singleton
public class DeactivatingUser {

    private final UserRepository users;
    private final TicketPool pool;
    private final Times times;
    private final AccountEvents account;

    DeactivatingUser(UserRepository users, TicketPool pool, Times times, AccountEvents account) {
        this.users = users;
        this.pool = pool;
        this.times = times;
        this.account = account;
    }

    public sealed interface Result {
        record Deactivated(User user, int ticketsReturned) implements Result {
        }

        record Reactivated(User user) implements Result {
        }

        record Refused(Refusal refusal) implements Result {
        }
    }

    @Transactional
    public Result deactivate(long userId, Long actorId, Channel channel) {
        return deactivate(userId, new Actor(actorId, channel, null));
    }

    @Transactional
    public Result deactivate(long userId, Actor actor) {
        Long actorId = actor.userId();
        Optional<UserRow> row = users.findById(userId);
        if (row.isEmpty()) {
            return new Result.Refused(Refusal.notFound("user #" + userId));
        }
        if (actorId != null && actorId == userId) {
            return new Result.Refused(Refusal.notAllowed("you cannot deactivate yourself"));
        }
        if (!row.get().active()) {
            return new Result.Deactivated(row.get().toUser(), 0);
        }
        if (Role.ADMIN.db().equals(row.get().role()) && users.lockActiveAdmins().size() <= 1) {
            return new Result.Refused(Refusal.notAllowed("the last active admin cannot be deactivated"));
        }
        users.updateActive(userId, false, times.now());
        users.endSessions(userId);
        int returned = pool.returnTicketsHeldBy(userId, actorId, actor.channel(), "responder deactivated");
        account.activation(userId, false, actor);
        return new Result.Deactivated(users.findById(userId).orElseThrow().toUser(), returned);
    }

    @Transactional
    public Result reactivate(long userId) {
        return reactivate(userId, Actor.system());
    }

    /** Reactivates the user; one already active stays so, with no event. */
    @Transactional
    public Result reactivate(long userId, Actor actor) {
        Optional<UserRow> row = users.findById(userId);
        if (row.isEmpty()) {
            return new Result.Refused(Refusal.notFound("user #" + userId));
        }
        if (!row.get().active()) {
            users.updateActive(userId, true, times.now());
            account.activation(userId, true, actor);
        }
        return new Result.Reactivated(users.findById(userId).orElseThrow().toUser());
    }
}
