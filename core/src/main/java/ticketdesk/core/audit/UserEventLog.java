package ticketdesk.core.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ticketdesk.core.Channel;
import ticketdesk.core.Times;

/**
 * Writes {@code user_events}, the history of user accounts. Writing requires the caller's transaction, so an
 * event exists exactly when the change it describes does.
 */
@Singleton
public class UserEventLog {

    private static final int MAX_VALUE = 2000;
    private static final int MAX_ADDRESS = 64;

    private final UserEventRepository events;
    private final Times times;

    UserEventLog(UserEventRepository events, Times times) {
        this.events = events;
        this.times = times;
    }

    /** {@code actorId} null: the system did it; {@code address}: the client's, where the change came over HTTP. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void write(long userId, @Nullable Long actorId, UserEventType type, @Nullable String field,
                      @Nullable String oldValue, @Nullable String newValue, Channel channel, @Nullable String address) {
        events.save(new UserEventRow(null, userId, actorId, type.db(), field, clip(oldValue, MAX_VALUE),
                clip(newValue, MAX_VALUE), channel.db(), clip(address, MAX_ADDRESS), times.now()));
    }

    /** The event as {@code actor} made it: their user id (null: the system or nobody known), channel and address. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void write(long userId, Actor actor, UserEventType type, @Nullable String field, @Nullable String oldValue,
                      @Nullable String newValue) {
        write(userId, actor.userId(), type, field, oldValue, newValue, actor.channel(), actor.address());
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
