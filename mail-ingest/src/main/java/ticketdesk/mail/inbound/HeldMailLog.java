package ticketdesk.mail.inbound;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ticketdesk.core.Times;
import ticketdesk.core.audit.UserEventLog;

/**
 * What admins did with mail that waited for them, on the mail's row ({@code handled_by}, {@code handled_at},
 * {@code handled_as}) and as a user event of the admin, in the transaction that settles the mail.
 */
@Singleton
class HeldMailLog {

    static final String FIELD = "inbound_email";

    private final InboundEmailRepository rows;
    private final UserEventLog events;
    private final Times times;

    HeldMailLog(InboundEmailRepository rows, UserEventLog events, Times times) {
        this.rows = rows;
        this.events = events;
        this.times = times;
    }

    /** Notes the admin's action and what came of it; inside the transaction that records the outcome. */
    @Transactional
    void handled(long rowId, AdminAction action, Outcome outcome, Long ticketId) {
        long admin = action.actor().userId();
        rows.handled(rowId, admin, times.now(), action.handledAs());
        events.write(admin, action.actor(), action.type(), FIELD, action.before(), after(outcome, ticketId));
    }

    /** Dismisses the mail if it still has the outcome the admin saw; false when someone handled it first. */
    @Transactional
    boolean dismiss(long rowId, Outcome seen, AdminAction action) {
        if (rows.dismiss(rowId, seen.db(), Outcome.DISMISSED.db(), action.actor().userId(), times.now(),
                action.handledAs()) == 0) {
            return false;
        }
        events.write(action.actor().userId(), action.actor(), action.type(), FIELD, action.before(),
                Outcome.DISMISSED.db());
        return true;
    }

    static String after(Outcome outcome, Long ticketId) {
        return outcome.db() + (ticketId == null ? "" : " ticket #" + ticketId);
    }
}
