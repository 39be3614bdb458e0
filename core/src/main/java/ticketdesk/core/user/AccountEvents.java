package ticketdesk.core.user;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import ticketdesk.core.audit.Actor;
import ticketdesk.core.audit.UserEventLog;
import ticketdesk.core.audit.UserEventType;

/** Writes the user events of account changes, in the caller's transaction: the admin audit of what was done to whom. */
@Singleton
class AccountEvents {

    /** One changed field of an account: {@code type} is USER_CHANGED, ROLE_CHANGED or PASSWORD_CHANGED. */
    record Change(UserEventType type, String field, String oldValue, String newValue) {
    }

    private final UserEventLog events;

    AccountEvents(UserEventLog events) {
        this.events = events;
    }

    void created(UserRow user, Actor actor) {
        String email = user.email() == null ? "no email" : user.email();
        events.write(user.id(), actor, UserEventType.USER_CREATED, null, null,
                user.displayName() + " <" + email + ">, " + user.role());
    }

    void changed(UserRow before, UserRow after, Actor actor) {
        for (Change c : changes(before, after)) {
            events.write(after.id(), actor, c.type(), c.field(), c.oldValue(), c.newValue());
        }
    }

    void activation(long userId, boolean active, Actor actor) {
        events.write(userId, actor, active ? UserEventType.REACTIVATED : UserEventType.DEACTIVATED, null, null, null);
    }

    void passwordChanged(long userId, Actor actor) {
        events.write(userId, actor, UserEventType.PASSWORD_CHANGED, null, null, null);
    }

    /** What differs between two versions of an account, field by field, in the order of the users table. */
    static List<Change> changes(UserRow before, UserRow after) {
        List<Change> changes = new ArrayList<>();
        field(changes, "display_name", before.displayName(), after.displayName());
        field(changes, "email", before.email(), after.email());
        field(changes, "phone_e164", before.phoneE164(), after.phoneE164());
        if (!Objects.equals(before.role(), after.role())) {
            changes.add(new Change(UserEventType.ROLE_CHANGED, "role", before.role(), after.role()));
        }
        field(changes, "profession", before.profession(), after.profession());
        field(changes, "organization", before.organization(), after.organization());
        if (!Objects.equals(before.passwordHash(), after.passwordHash())) {
            changes.add(new Change(UserEventType.PASSWORD_CHANGED, null, null, null));
        }
        return changes;
    }

    private static void field(List<Change> changes, String name, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(UserEventType.USER_CHANGED, name, before, after));
        }
    }
}
