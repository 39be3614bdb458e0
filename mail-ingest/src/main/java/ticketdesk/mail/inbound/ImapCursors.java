package ticketdesk.mail.inbound;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.LocalDateTime;
import ticketdesk.core.Times;

/**
 * What the IMAP reader keeps in the database: how far it read each mailbox (UIDVALIDITY and the last
 * UID handled) and the lease that lets one instance at a time read.
 */
@Singleton
class ImapCursors {

    static final String LEASE = "imap-reader";

    private final ImapCursorRepository cursors;
    private final LeaseRepository leases;
    private final Times times;

    ImapCursors(ImapCursorRepository cursors, LeaseRepository leases, Times times) {
        this.cursors = cursors;
        this.leases = leases;
        this.times = times;
    }

    /** The last UID handled in this mailbox, or 0 when it is new to us or its UIDVALIDITY changed. */
    @Transactional
    long lastUid(String mailbox, long uidValidity) {
        return cursors.findById(mailbox).filter(c -> c.uidValidity() == uidValidity).map(ImapCursorRow::lastUid)
                .orElse(0L);
    }

    @Transactional
    void advance(String mailbox, long uidValidity, long uid) {
        var now = times.now();
        if (cursors.update(mailbox, uidValidity, uid, now) == 0 && cursors.findById(mailbox).isEmpty()) {
            cursors.insert(mailbox, uidValidity, uid, now);
        }
    }

    @Transactional
    boolean holdLease(String holder, Duration length) {
        var now = times.now();
        return leases.acquire(LEASE, holder, now, now.plus(length)) == 1;
    }

    @Transactional
    void releaseLease(String holder) {
        leases.release(LEASE, holder, LocalDateTime.of(1970, 1, 1, 0, 0));
    }
}
