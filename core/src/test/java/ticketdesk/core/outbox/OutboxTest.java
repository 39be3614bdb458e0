package ticketdesk.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ticketdesk.core.testing.RecordingDatabaseTest;
import ticketdesk.core.testing.RecordingNotifier;
import ticketdesk.core.testing.World;
import ticketdesk.core.ticket.Source;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.ticket.TicketStatus;
import ticketdesk.core.user.User;

/** Rule 11: delivered by workers with SKIP LOCKED, retried with back-off, never losing or undoing the change. */
@MicronautTest(transactional = false)
class OutboxTest extends RecordingDatabaseTest {

    @Inject OutboxWorker worker;
    @Inject RecordingNotifier notifier;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("ticketdesk.outbox.base-delay", "0s", "ticketdesk.outbox.max-attempts", "4");
    }

    @BeforeEach
    void setUp() throws SQLException {
        notifier.reset();
        try (Connection c = db.connect(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE notifications SET status = 'sent' WHERE status = 'pending'");
        }
    }

    @Test
    void aNotifierThatFailsTwiceThenSucceedsDeliversExactlyOnce() {
        Ticket ticket = openedTicketWithOneEmail();
        notifier.failWhen(n -> n.attempt() <= 2);

        worker.drain();

        assertThat(notifier.calls.get()).isEqualTo(3);
        assertThat(notifier.delivered).singleElement().satisfies(n -> {
            assertThat(n.ticketId()).isEqualTo(ticket.id());
            assertThat(n.kind()).isEqualTo(NotificationKind.OPENED);
        });
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND status = 'sent'"
                + " AND attempts = 3 AND sent_at IS NOT NULL", ticket.id())).isEqualTo(1);
    }

    @Test
    void aNotifierThatAlwaysFailsEndsFailedWithTheErrorKeptAndTheTicketIntact() {
        Ticket ticket = openedTicketWithOneEmail();
        notifier.failWhen(n -> true);

        worker.drain();

        assertThat(notifier.delivered).isEmpty();
        assertThat(notifier.calls.get()).isEqualTo(4);
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND status = 'failed'"
                + " AND attempts = 4 AND last_error LIKE '%smtp down (attempt 4)%'", ticket.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = ?", ticket.id(),
                TicketStatus.PENDING.db())).isEqualTo(1);
    }

    @Test
    void aFailedAttemptWaitsForItsBackOff() {
        Map<String, Object> props = new HashMap<>(db.properties());
        props.put("ticketdesk.test.recording-notifier", "true");
        props.put("ticketdesk.outbox.base-delay", "1h");
        try (ApplicationContext slow = ApplicationContext.run(props, "test")) {
            RecordingNotifier failing = slow.getBean(RecordingNotifier.class);
            failing.failWhen(n -> true);
            Ticket ticket = new World(slow).pendingTicket(emailResponderIn(slow), "slow", Source.SLACK);
            slow.getBean(OutboxWorker.class).drain();

            assertThat(failing.calls.get()).isEqualTo(1);
            assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND status = 'pending'"
                    + " AND attempts = 1 AND next_attempt_at > UTC_TIMESTAMP() + INTERVAL 10 MINUTE", ticket.id()))
                    .isEqualTo(1);
        }
    }

    @Test
    void twoWorkersInTwoInstancesNeverDeliverTheSameNotificationTwice() throws Exception {
        User requester = world.employee("Requester");
        for (int i = 0; i < 5; i++) {
            world.responder("Mail Responder " + i);
        }
        for (int i = 0; i < 60; i++) {
            world.pendingTicket(requester, "outbox " + i);
        }
        long due = db.count("SELECT COUNT(*) FROM notifications WHERE status = 'pending'");
        assertThat(due).isGreaterThanOrEqualTo(300);

        Map<String, Object> props = new HashMap<>(db.properties());
        props.put("ticketdesk.test.recording-notifier", "true");
        props.put("ticketdesk.outbox.batch-size", "7");
        try (ApplicationContext second = ApplicationContext.run(props, "test")) {
            RecordingNotifier otherNotifier = second.getBean(RecordingNotifier.class);
            OutboxWorker otherWorker = second.getBean(OutboxWorker.class);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> runs = List.of(
                    pool.submit(worker::drain), pool.submit(worker::drain),
                    pool.submit(otherWorker::drain), pool.submit(otherWorker::drain));
            for (Future<Integer> run : runs) {
                run.get();
            }
            pool.shutdown();

            List<Long> ids = new java.util.ArrayList<>();
            notifier.delivered.forEach(n -> ids.add(n.id()));
            otherNotifier.delivered.forEach(n -> ids.add(n.id()));
            Map<Long, Long> perId = ids.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
            assertThat(perId.values()).allMatch(count -> count == 1);
            assertThat((long) ids.size()).isEqualTo(due);
            assertThat(notifier.delivered).isNotEmpty();
            assertThat(otherNotifier.delivered).isNotEmpty();
            assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE status <> 'sent'")).isZero();
        }
    }

    @Test
    void aWorkerWhoseLeaseRanOutMidBatchSkipsTheRowsAnotherWorkerTookAndNeverOverwritesTheirOutcome()
            throws Exception {
        Map<String, Object> slowProps = new HashMap<>(db.properties());
        slowProps.put("ticketdesk.test.recording-notifier", "true");
        slowProps.put("ticketdesk.outbox.lease", "300ms");
        slowProps.put("ticketdesk.outbox.delivery-threads", "1");
        try (ApplicationContext slow = ApplicationContext.run(slowProps, "test")) {
            User requester = emailResponderIn(slow);
            Ticket first = new World(slow).pendingTicket(requester, "first", Source.SLACK);
            Ticket second = new World(slow).pendingTicket(requester, "second", Source.SLACK);
            RecordingNotifier slowNotifier = slow.getBean(RecordingNotifier.class);
            java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            slowNotifier.beforeDelivery(n -> {
                if (n.ticketId() == first.id()) {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<Integer> slowRound = pool.submit(() -> slow.getBean(OutboxWorker.class).runOnce());
            holding.await();

            // the slow worker holds the first row; its lease on the second runs out and this worker takes it
            long end = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (notifier.delivered.stream().noneMatch(n -> n.ticketId() == second.id())
                    && System.nanoTime() < end) {
                worker.runOnce();
                Thread.sleep(50);
            }
            release.countDown();
            assertThat(slowRound.get()).isEqualTo(2);
            pool.shutdown();

            long secondDeliveries = java.util.stream.Stream.concat(notifier.delivered.stream(),
                    slowNotifier.delivered.stream()).filter(n -> n.ticketId() == second.id()).count();
            assertThat(secondDeliveries).isEqualTo(1);
            assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND status = 'sent'",
                    second.id())).isEqualTo(1);
        }
    }

    @Test
    void oneTicketsNotificationsGoOutInOrderWhileTicketsAreDeliveredSideBySide() {
        User requester = world.employee("Orderly");
        for (int i = 0; i < 3; i++) {
            world.responder("Order Responder " + i);
        }
        for (int i = 0; i < 12; i++) {
            world.pendingTicket(requester, "ordered " + i);
        }

        worker.drain();

        Map<Long, List<Long>> perTicket = new java.util.LinkedHashMap<>();
        notifier.delivered.forEach(n -> perTicket.computeIfAbsent(n.ticketId(), k -> new java.util.ArrayList<>())
                .add(n.id()));
        assertThat(perTicket).hasSizeGreaterThanOrEqualTo(12);
        perTicket.values().forEach(ids -> assertThat(ids).isSorted());
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE status <> 'sent'")).isZero();
    }

    private Ticket openedTicketWithOneEmail() {
        return world.pendingTicket(emailResponderIn(context), "one email", Source.SLACK);
    }

    /** A requester; plus exactly one responder (reached by email) in a fresh context's view. */
    private User emailResponderIn(ApplicationContext ctx) {
        World w = new World(ctx);
        try (Connection c = db.connect(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE users SET is_active = FALSE WHERE role = 'responder'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        w.responder("Only Responder");
        return w.employee("Slack Requester");
    }
}
