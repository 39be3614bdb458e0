package ticketdesk.core.user;

import ticketdesk.core.Refusal;

/** The outcome of creating or editing a user. */
public sealed interface UserResult {

    record Saved(User user) implements UserResult {
    }

    record Refused(Refusal refusal) implements UserResult {
    }
}
