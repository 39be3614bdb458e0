package ticketdesk.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.Refusal;
import ticketdesk.core.testing.RecordingDatabaseTest;
import ticketdesk.core.ticket.Commands.DeclineTicket;
import ticketdesk.core.ticket.Commands.HandOverTicket;
import ticketdesk.core.ticket.Commands.ReleaseTicket;
import ticketdesk.core.user.DeactivatingUser;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

/** Rule 13: a claimed ticket changes hands by one conditional UPDATE, to someone who may take it. */
@MicronautTest(transactional = false)
class HandingOverTicketTest extends RecordingDatabaseTest {

    @Inject HandingOverTicket handing;
    @Inject ReleasingTicket releasing;
    @Inject DecliningTicket declining;
    @Inject DeactivatingUser deactivating;
    @Inject UserDirectory users;
    User bob;
    User alice;
    User carol;

    @BeforeEach
    void setUp() {
        bob = world.employee("Bob");
        alice = world.responder("Alice");
        carol = world.responder("Carol");
    }

    @Test
    void theHolderHandsTheTicketToAColleagueAndEveryoneConcernedIsTold() {
        Ticket ticket = world.claimedTicket(bob, alice);

        ChangeResult result = handing.handOver(new HandOverTicket(ticket.id(), alice.id(), carol.id(), Channel.SLACK));

        assertThat(result).isInstanceOfSatisfying(ChangeResult.Changed.class,
                c -> assertThat(c.ticket().responderId()).isEqualTo(carol.id()));
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'handed_over'"
                + " AND actor_id = ? AND field = 'responder_id' AND old_value = ? AND new_value = ?",
                ticket.id(), alice.id(), String.valueOf(alice.id()), String.valueOf(carol.id()))).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND kind = 'handed_over'"
                + " AND recipient_user_id IN (?, ?)", ticket.id(), bob.id(), carol.id())).isEqualTo(2);
        // the one who handed it over needs no notice of their own act
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND kind = 'handed_over'"
                + " AND recipient_user_id = ?", ticket.id(), alice.id())).isZero();
    }

    @Test
    void nobodyIsGivenATicketTheyDeclined() {
        Ticket ticket = world.pendingTicket(bob);
        declining.decline(new DeclineTicket(ticket.id(), carol.id(), Channel.SLACK));
        world.claim(ticket, alice);

        assertRefused(handing.handOver(new HandOverTicket(ticket.id(), alice.id(), carol.id(), Channel.SLACK)),
                Refusal.Reason.DECLINED);
        assertThat(db.count("SELECT responder_id FROM tickets WHERE id = ?", ticket.id())).isEqualTo(alice.id());
    }

    @Test
    void anEmployeeOrADeactivatedResponderCannotReceiveATicket() {
        Ticket ticket = world.claimedTicket(bob, alice);
        User dave = world.employee("Dave");
        User erin = world.responder("Erin");
        deactivating.deactivate(erin.id(), null, Channel.WEB);

        assertRefused(handing.handOver(new HandOverTicket(ticket.id(), alice.id(), dave.id(), Channel.WEB)),
                Refusal.Reason.WRONG_ROLE);
        assertRefused(handing.handOver(new HandOverTicket(ticket.id(), alice.id(), erin.id(), Channel.WEB)),
                Refusal.Reason.NOT_ALLOWED);
        assertRefused(handing.handOver(new HandOverTicket(ticket.id(), alice.id(), 999_999, Channel.WEB)),
                Refusal.Reason.NOT_FOUND);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'handed_over'",
                ticket.id())).isZero();
    }

    @Test
    void aResponderWhoDoesNotHoldTheTicketCannotGiveItAway() {
        Ticket ticket = world.claimedTicket(bob, alice);
        User dave = world.responder("Dave");

        assertRefused(handing.handOver(new HandOverTicket(ticket.id(), carol.id(), dave.id(), Channel.SLACK)),
                Refusal.Reason.NOT_ALLOWED);
        assertRefused(handing.handOver(new HandOverTicket(ticket.id(), carol.id(), carol.id(), Channel.SLACK)),
                Refusal.Reason.NOT_ALLOWED);
    }

    @Test
    void anAdminTakesOverATicketAndItIsRecordedAsATakeOver() {
        Ticket ticket = world.claimedTicket(bob, alice);
        User admin = world.admin("Ada");

        handing.handOver(new HandOverTicket(ticket.id(), admin.id(), admin.id(), Channel.WEB));

        assertThat(db.count("SELECT responder_id FROM tickets WHERE id = ?", ticket.id())).isEqualTo(admin.id());
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'taken_over'"
                + " AND actor_id = ? AND old_value = ?", ticket.id(), admin.id(), String.valueOf(alice.id())))
                .isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND kind = 'handed_over'"
                + " AND recipient_user_id = ?", ticket.id(), alice.id())).isEqualTo(1);
    }

    @Test
    void anAdminAssignsAPendingTicketButAResponderCannot() {
        Ticket ticket = world.pendingTicket(bob);
        User admin = world.admin("Ada");

        assertRefused(handing.handOver(new HandOverTicket(ticket.id(), alice.id(), carol.id(), Channel.SLACK)),
                Refusal.Reason.NOT_ALLOWED);
        handing.handOver(new HandOverTicket(ticket.id(), admin.id(), carol.id(), Channel.WEB));

        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'in_process' AND responder_id = ?",
                ticket.id(), carol.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'assigned'"
                + " AND from_status = 'pending' AND to_status = 'in_process'", ticket.id())).isEqualTo(1);
    }

    @Test
    void theColleaguesOfferedForAHandOverAreThoseItCanBeGivenTo() {
        Ticket ticket = world.pendingTicket(bob);
        declining.decline(new DeclineTicket(ticket.id(), carol.id(), Channel.SLACK));
        world.claim(ticket, alice);
        User admin = world.admin("Ada");
        User dave = world.responder("Dave");
        User gone = world.responder("Gus");
        deactivating.deactivate(gone.id(), null, Channel.WEB);

        List<Long> offered = users.handOverCandidates(ticket.id()).stream().map(User::id).toList();

        assertThat(offered).contains(admin.id(), dave.id())
                .doesNotContain(alice.id(), carol.id(), bob.id(), gone.id());
        for (User refused : List.of(alice, carol, bob, gone)) {
            assertThat(handing.handOver(new HandOverTicket(ticket.id(), admin.id(), refused.id(), Channel.WEB)))
                    .as(refused.displayName()).isInstanceOf(ChangeResult.Refused.class);
        }
        assertThat(handing.handOver(new HandOverTicket(ticket.id(), alice.id(), dave.id(), Channel.WEB)))
                .isInstanceOf(ChangeResult.Changed.class);
        assertThat(users.handOverCandidates(ticket.id()).stream().map(User::id)).contains(alice.id())
                .doesNotContain(dave.id());
    }

    @Test
    void aHandOverRacingAnotherHandOverAndAReleaseHasExactlyOneOutcome() throws Exception {
        User dave = world.responder("Dave");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 20; round++) {
                Ticket ticket = world.claimedTicket(bob, alice);
                List<Supplier<ChangeResult>> racers = List.of(
                        () -> handing.handOver(new HandOverTicket(ticket.id(), alice.id(), carol.id(), Channel.SLACK)),
                        () -> handing.handOver(new HandOverTicket(ticket.id(), alice.id(), dave.id(), Channel.WEB)),
                        () -> releasing.release(new ReleaseTicket(ticket.id(), alice.id(), Channel.SLACK)));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ChangeResult>> results = racers.stream().map(racer -> pool.submit(() -> {
                    start.await();
                    return racer.get();
                })).toList();
                start.countDown();
                long won = 0;
                for (Future<ChangeResult> f : results) {
                    won += f.get(30, TimeUnit.SECONDS) instanceof ChangeResult.Changed ? 1 : 0;
                }

                assertThat(won).as("round %d", round).isEqualTo(1);
                assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ?"
                        + " AND event_type IN ('handed_over', 'released')", ticket.id())).isEqualTo(1);
                long holder = db.count("SELECT COALESCE(responder_id, 0) FROM tickets WHERE id = ?", ticket.id());
                String expected = holder == 0 ? "released" : "handed_over";
                assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = ?"
                        + (holder == 0 ? "" : " AND new_value = '" + holder + "'"), ticket.id(), expected))
                        .isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertRefused(ChangeResult result, Refusal.Reason reason) {
        assertThat(result).isInstanceOfSatisfying(ChangeResult.Refused.class,
                r -> assertThat(r.refusal().reason()).isEqualTo(reason));
    }
}
