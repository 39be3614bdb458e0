package ticketdesk.core.user;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.Optional;
import ticketdesk.core.Channel;
import ticketdesk.core.Times;
import ticketdesk.core.audit.UserEventLog;
import ticketdesk.core.audit.UserEventType;

/** Links and unlinks chat identities, each with its user event, in the caller's transaction. */
@Singleton
class IdentityLinks {

    private final UserRepository users;
    private final UserEventLog events;
    private final Times times;

    IdentityLinks(UserRepository users, UserEventLog events, Times times) {
        this.users = users;
        this.events = events;
        this.times = times;
    }

    void link(long userId, Platform platform, String externalId, @Nullable Long actorId, Channel channel) {
        users.insertIdentity(platform.db(), externalId, userId, times.now());
        events.write(userId, actorId, UserEventType.IDENTITY_LINKED, platform.db(), null, externalId, channel, null);
    }

    /** Makes {@code externalId} (null: none) the user's identity on the platform, recording what changed. */
    void replace(long userId, Platform platform, @Nullable String externalId, @Nullable Long actorId,
                 Channel channel) {
        Optional<String> old = users.findExternalId(userId, platform.db());
        if (Objects.equals(old.orElse(null), externalId)) {
            return;
        }
        if (old.isPresent()) {
            users.deleteIdentity(userId, platform.db());
            events.write(userId, actorId, UserEventType.IDENTITY_UNLINKED, platform.db(), old.get(), null, channel,
                    null);
        }
        if (externalId != null) {
            link(userId, platform, externalId, actorId, channel);
        }
    }

    /** A first-time identity claimed the email of {@code ownerId}, whose account is never linked automatically. */
    void refused(long ownerId, ChatPerson person) {
        events.write(ownerId, null, UserEventType.IDENTITY_LINK_REFUSED, person.platform().db(), null,
                person.externalId() + (person.workspace() == null ? "" : " (workspace " + person.workspace() + ")"),
                person.platform().channel(), null);
    }
}
