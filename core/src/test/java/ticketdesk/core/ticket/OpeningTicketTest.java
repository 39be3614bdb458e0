package ticketdesk.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.Refusal;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.ticket.Commands.OpenTicket;
import ticketdesk.core.user.DeactivatingUser;
import ticketdesk.core.user.User;

@MicronautTest(transactional = false)
class OpeningTicketTest extends DatabaseTest {

    @Inject OpeningTicket opening;
    @Inject DeactivatingUser deactivating;

    @Test
    void anActiveUserOpensAPendingTicketWithOneCreatedEvent() {
        User bob = world.employee("Bob");
        var result = opening.open(new OpenTicket(bob.id(), "  printer broken  ", "3rd floor", Priority.HIGH,
                "hardware", Source.SLACK));

        assertThat(result).isInstanceOf(OpenResult.Opened.class);
        Ticket ticket = ((OpenResult.Opened) result).ticket();
        assertThat(ticket.title()).isEqualTo("printer broken");
        assertThat(ticket.status()).isEqualTo(TicketStatus.PENDING);
        assertThat(ticket.responderId()).isNull();
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'pending' AND priority = 'high'"
                + " AND source = 'slack' AND requester_id = ?", ticket.id(), bob.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'created'"
                + " AND to_status = 'pending' AND actor_id = ? AND channel = 'slack'", ticket.id(), bob.id()))
                .isEqualTo(1);
    }

    @Test
    void bidiOverridesAndControlCharactersAreStrippedBeforeTheTicketIsStoredAndItsTextIsKept() {
        User bob = world.employee("Bob");
        var result = opening.open(new OpenTicket(bob.id(), "\u202Eprinter\u0000 broken\u202C\u2066!\u2069",
                "line one\r\n\tline two\u0007\u202E", null, "hard\u0000ware", Source.WEB));

        long id = ((OpenResult.Opened) result).ticket().id();
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND title = 'printer broken!'"
                + " AND description = ? AND category = 'hardware'", id, "line one\n\tline two")).isEqualTo(1);
    }

    @Test
    void aTitleOfOnlyControlCharactersIsRefusedAsBlank() {
        User bob = world.employee("Bob");
        var result = opening.open(new OpenTicket(bob.id(), "\u0000\u202E\u2066 ", null, null, null, Source.WEB));

        assertThat(result).isInstanceOfSatisfying(OpenResult.Refused.class,
                r -> assertThat(r.refusal().message()).isEqualTo("a ticket needs a title"));
    }

    @Test
    void aBlankTitleIsRefusedAndNothingIsWritten() {
        User bob = world.employee("Bob");
        long before = db.count("SELECT COUNT(*) FROM tickets");
        var result = opening.open(new OpenTicket(bob.id(), "   ", null, null, null, Source.WEB));
        assertThat(result).isInstanceOfSatisfying(OpenResult.Refused.class,
                r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.INVALID_INPUT));
        assertThat(db.count("SELECT COUNT(*) FROM tickets")).isEqualTo(before);
    }

    @Test
    void aTenThousandCharacterTitleIsRefusedWithItsLength() {
        User bob = world.employee("Bob");
        long before = db.count("SELECT COUNT(*) FROM ticket_events");
        var result = opening.open(new OpenTicket(bob.id(), "x".repeat(10_000), null, null, null, Source.WEB));
        assertThat(result).isInstanceOfSatisfying(OpenResult.Refused.class,
                r -> assertThat(r.refusal().message()).contains("10000").contains("200"));
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events")).isEqualTo(before);
    }

    @Test
    void aTitleOfExactlyTwoHundredCharactersIsAccepted() {
        User bob = world.employee("Bob");
        var result = opening.open(new OpenTicket(bob.id(), "é".repeat(200), null, null, null, Source.WEB));
        assertThat(result).isInstanceOf(OpenResult.Opened.class);
    }

    @Test
    void anUnknownOrDeactivatedRequesterIsRefused() {
        User admin = world.admin("Root");
        User gone = world.employee("Gone");
        deactivating.deactivate(gone.id(), admin.id(), Channel.WEB);

        assertThat(opening.open(new OpenTicket(999_999, "x", null, null, null, Source.WEB)))
                .isInstanceOfSatisfying(OpenResult.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.NOT_FOUND));
        assertThat(opening.open(new OpenTicket(gone.id(), "x", null, null, null, Source.WEB)))
                .isInstanceOfSatisfying(OpenResult.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.INACTIVE_USER));
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE requester_id = ?", gone.id())).isZero();
    }
}
