package ticketdesk.admin.api;

import java.util.Optional;
import ticketdesk.core.Refusal;

/**
 * The API's parts that only admins use (users, the audit feed, webhooks), as the panel is only theirs: a token of
 * anyone else is refused with 403 before anything is read.
 */
public final class AdminsOnly {

    private AdminsOnly() {
    }

    public static Optional<Refusal> refusal(ApiCaller caller, String what) {
        return caller.user().isAdmin() ? Optional.empty()
                : Optional.of(Refusal.wrongRole("only admins can " + what + "; this token acts as "
                        + caller.user().displayName() + ", a " + caller.user().role().db()));
    }
}
