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
}
