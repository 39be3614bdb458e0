package ticketdesk.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.ticket.Commands.DeclineTicket;
import ticketdesk.core.user.User;

/** Rule 9. */
@MicronautTest(transactional = false)
class VisibilityTest extends DatabaseTest {

    @Inject TicketQueries queries;
    @Inject DecliningTicket declining;

    @Test
    void employeesSeeTheirOwnRespondersThePoolAndWhatTheyHoldAdminsEverything() {
        User bob = world.employee("Bob");
        User dave = world.employee("Dave");
        User alice = world.responder("Alice");
        User carol = world.responder("Carol");
        User root = world.admin("Root");
        Ticket bobs = world.pendingTicket(bob, "bob's");
        Ticket daves = world.pendingTicket(dave, "dave's");
        Ticket heldByCarol = world.claimedTicket(dave, carol);
        declining.decline(new DeclineTicket(daves.id(), alice.id(), Channel.SLACK));

        assertThat(queries.visibleTo(bob.id())).extracting(Ticket::id).containsExactly(bobs.id());
        assertThat(queries.viewAs(bob.id(), daves.id())).isEmpty();
        assertThat(queries.visibleTo(alice.id())).extracting(Ticket::id)
                .contains(bobs.id()).doesNotContain(daves.id(), heldByCarol.id());
        assertThat(queries.visibleTo(carol.id())).extracting(Ticket::id)
                .contains(bobs.id(), daves.id(), heldByCarol.id());
        assertThat(queries.visibleTo(root.id())).extracting(Ticket::id)
                .contains(bobs.id(), daves.id(), heldByCarol.id());
        assertThat(queries.viewAs(root.id(), daves.id())).isPresent();

        assertThat(queries.claimableBy(carol.id(), bobs.id())).isTrue();
        assertThat(queries.claimableBy(alice.id(), daves.id())).isFalse();
        assertThat(queries.claimableBy(carol.id(), heldByCarol.id())).isFalse();
        assertThat(queries.claimableBy(dave.id(), bobs.id())).isFalse();

        context.getBean(ticketdesk.core.user.DeactivatingUser.class).deactivate(bob.id(), root.id(), Channel.WEB);
        assertThat(queries.visibleTo(bob.id())).isEmpty();
        assertThat(queries.viewAs(bob.id(), bobs.id())).isEmpty();
    }

    /** The rule as SQL (for lists that filter and page in the database) sees exactly what the rule in Java sees. */
    @Test
    void theSqlConditionAgreesWithTheRuleForEveryViewerAndTicket() throws Exception {
        User erin = world.employee("Erin");
        User rita = world.responder("Rita");
        User sam = world.responder("Sam");
        User ada = world.admin("Ada");
        world.pendingTicket(erin, "erin's pending");
        world.pendingTicket(rita, "rita's own");
        Ticket declined = world.pendingTicket(erin, "declined by rita");
        declining.decline(new DeclineTicket(declined.id(), rita.id(), Channel.WEB));
        world.claimedTicket(erin, rita);
        world.claimedTicket(erin, sam);
        User gone = world.responder("Gone");
        context.getBean(ticketdesk.core.user.DeactivatingUser.class).deactivate(gone.id(), ada.id(), Channel.WEB);
        gone = context.getBean(ticketdesk.core.user.UserDirectory.class).byId(gone.id()).orElseThrow();

        for (User viewer : new User[] {erin, rita, sam, ada, gone}) {
            java.util.Set<Long> inJava = new java.util.TreeSet<>();
            for (long id = 1; id <= db.count("SELECT MAX(id) FROM tickets"); id++) {
                Ticket ticket = queries.byId(id).orElseThrow();
                if (viewer.active() && Visibility.canSee(viewer, ticket, queries.hasDeclined(viewer.id(), id))) {
                    inJava.add(id);
                }
            }
            assertThat(inSql(Visibility.condition(viewer))).as(viewer.displayName()).isEqualTo(inJava);
        }
    }

    private java.util.Set<Long> inSql(Visibility.Condition condition) throws Exception {
        java.util.Set<Long> ids = new java.util.TreeSet<>();
        try (var c = db.connect(); var ps = c.prepareStatement("SELECT t.id FROM tickets t WHERE " + condition.sql())) {
            for (int i = 0; i < condition.args().size(); i++) {
                ps.setObject(i + 1, condition.args().get(i));
            }
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
