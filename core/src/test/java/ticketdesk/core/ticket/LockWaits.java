package ticketdesk.core.ticket;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import ticketdesk.core.testing.TestDatabase;

/** Waiting, in a race test, until the use case under test is blocked on a row lock the test holds. */
final class LockWaits {

    private LockWaits() {
    }

    /**
     * Returns once another connection of the test's database waits for a row lock in a statement that starts
     * like {@code statement} (e.g. {@code "UPDATE tickets"}); fails if {@code work} ends first or nothing waits
     * within 10 s. A transaction whose first statement is the waiting one may not be listed in innodb_trx yet,
     * so MariaDB's thread states for a row-lock wait count too; the polling connection itself is left out.
     */
    static void untilBlocked(TestDatabase db, CompletableFuture<?> work, String statement, String what)
            throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (db.count("SELECT COUNT(*) FROM information_schema.processlist p LEFT JOIN information_schema.innodb_trx t"
                + " ON p.id = t.trx_mysql_thread_id WHERE p.db = ? AND p.id <> CONNECTION_ID() AND p.info LIKE ?"
                + " AND (t.trx_state = 'LOCK WAIT' OR p.state IN ('Searching rows for update', 'Updating',"
                + " 'Sending data', 'statistics'))", db.name(), statement + "%") == 0) {
            if (work.isDone() || System.nanoTime() > end) {
                throw new AssertionError(what + " never waited for the lock: "
                        + (work.isDone() ? work.get() : "still running"));
            }
            Thread.sleep(10);
        }
    }
}
