package ticketdesk.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.ticket.Commands.ClaimTicket;
import ticketdesk.core.ticket.Commands.DeclineTicket;
import ticketdesk.core.user.User;

/**
 * 200 pending tickets, 50 responders racing to claim every one of them: exactly one claim per ticket
 * succeeds, each with one claimed event, and nobody ends up holding a ticket they declined. Run once on
 * one connection pool and once across two independent application contexts (two "instances").
 */
@MicronautTest(transactional = false)
class ClaimRaceTest extends DatabaseTest {

    private static final int TICKETS = 200;
    private static final int RESPONDERS = 50;

    @Test
    void exactlyOneOfFiftyRespondersWinsEachOfTwoHundredTickets() throws Exception {
        race(List.of(context.getBean(ClaimingTicket.class)), true);
    }

    @Test
    void fiftyRespondersClickingEveryCardInTheSameOrderGiveEachTicketOneHolderAndTellTheOthersWho() throws Exception {
        race(List.of(context.getBean(ClaimingTicket.class)), false);
    }

    @Test
    void twoInstancesWithTheirOwnPoolsStillGiveEachTicketExactlyOneHolder() throws Exception {
        Map<String, Object> props = new HashMap<>(db.properties());
        props.put("datasources.default.maximum-pool-size", "10");
        // the other instance runs at MariaDB's default isolation: losers must still learn the holder
        props.put("datasources.default.transaction-isolation", "TRANSACTION_REPEATABLE_READ");
        try (ApplicationContext second = ApplicationContext.run(props, "test")) {
            race(List.of(context.getBean(ClaimingTicket.class), second.getBean(ClaimingTicket.class)), true);
        }
    }

    /** Every responder clicks every card, in their own shuffled order or all in the same order (a storm). */
    private void race(List<ClaimingTicket> instances, boolean shuffled) throws Exception {
        User requester = world.employee("Requester");
        List<User> responders = new ArrayList<>();
        for (int i = 0; i < RESPONDERS; i++) {
            responders.add(world.responder("Responder " + i));
        }
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            tickets.add(world.pendingTicket(requester, "race ticket " + i));
        }
        DecliningTicket declining = context.getBean(DecliningTicket.class);
        for (int t = 0; t < TICKETS; t++) {
            for (int r = 0; r < RESPONDERS; r++) {
                if ((t + r) % 10 == 0) {
                    declining.decline(new DeclineTicket(tickets.get(t).id(), responders.get(r).id(), Channel.SLACK));
                }
            }
        }

        AtomicInteger wins = new AtomicInteger();
        AtomicInteger toldWhoHolds = new AtomicInteger();
        AtomicInteger toldTheyDeclined = new AtomicInteger();
        AtomicInteger otherAnswers = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<?>> futures = new ArrayList<>();
        for (int r = 0; r < RESPONDERS; r++) {
            User responder = responders.get(r);
            ClaimingTicket claiming = instances.get(r % instances.size());
            List<Ticket> order = new ArrayList<>(tickets);
            if (shuffled) {
                Collections.shuffle(order);
            }
            futures.add(pool.submit(() -> {
                for (Ticket ticket : order) {
                    ClaimResult result = claiming.claim(new ClaimTicket(ticket.id(), responder.id(), Channel.SLACK));
                    if (result instanceof ClaimResult.Claimed) {
                        wins.incrementAndGet();
                    } else if (result instanceof ClaimResult.AlreadyClaimed) {
                        toldWhoHolds.incrementAndGet();
                    } else if (result instanceof ClaimResult.Refused refused
                            && refused.refusal().reason() == ticketdesk.core.Refusal.Reason.DECLINED) {
                        toldTheyDeclined.incrementAndGet();
                    } else {
                        otherAnswers.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        String ids = "SELECT id FROM tickets WHERE title LIKE 'race ticket %' AND requester_id = " + requester.id();
        assertThat(wins.get()).isEqualTo(TICKETS);
        assertThat(otherAnswers.get()).isZero();
        assertThat(toldTheyDeclined.get()).isEqualTo(TICKETS * RESPONDERS / 10);
        assertThat(toldWhoHolds.get()).isEqualTo(TICKETS * RESPONDERS - TICKETS - TICKETS * RESPONDERS / 10);
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id IN (" + ids + ")"
                + " AND status = 'in_process' AND responder_id IS NOT NULL")).isEqualTo(TICKETS);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE event_type = 'claimed' AND ticket_id IN ("
                + ids + ")")).isEqualTo(TICKETS);
        assertThat(db.count("SELECT COUNT(*) FROM (SELECT ticket_id FROM ticket_events WHERE event_type = 'claimed'"
                + " GROUP BY ticket_id HAVING COUNT(*) > 1) doubled")).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM tickets t JOIN ticket_responder_log l"
                + " ON l.ticket_id = t.id AND l.responder_id = t.responder_id")).isZero();
    }
}
