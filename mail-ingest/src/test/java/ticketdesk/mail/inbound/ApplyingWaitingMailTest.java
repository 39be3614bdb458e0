package ticketdesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.audit.Actor;
import ticketdesk.core.message.Message;
import ticketdesk.core.message.MessageQueries;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.ManagingUsers;
import ticketdesk.core.user.NewUser;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserResult;
import ticketdesk.mail.Emails;

/**
 * Issue 14: mail that went nowhere waits for an admin, who applies it through the same pipeline (exactly once),
 * attaches it to a ticket, or dismisses it; the row and the admin's history say who did what.
 */
@MicronautTest(transactional = false)
class ApplyingWaitingMailTest extends DatabaseTest {

    static final String OURS = "mx.ticketdesk.test";
    static final String SUPPORT = "support@ticketdesk.test";

    @Inject InboundPipeline pipeline;
    @Inject HeldMail held;
    @Inject WaitingMail waiting;
    @Inject MessageQueries messages;
    @Inject ManagingUsers managing;

    User admin;
    Actor byAdmin;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("mail.from", SUPPORT, "mail.authserv-id", OURS);
    }

    @BeforeEach
    void anAdmin() {
        admin = world.admin("Ada");
        byAdmin = new Actor(admin.id(), Channel.WEB, "203.0.113.7");
    }

    @Test
    void aStrangersMailWaitsAndOnceTheyAreAUserItOpensOneTicketInTheirName() {
        String id = Emails.newMessageId();
        byte[] raw = Emails.wire(Emails.plain("carol@newcomer.example", SUPPORT, "VPN does not connect", id, null, "",
                "Since this morning the VPN times out."));
        assertThat(pipeline.receive(raw, "imap").outcome()).isEqualTo(Outcome.UNKNOWN_SENDER);
        long row = rowOf(id);
        assertThat(waiting.page(0, 50).lines()).extracting(WaitingMail.Line::id).containsExactly(row);

        assertThat(held.apply(row, Outcome.UNKNOWN_SENDER, byAdmin, false))
                .isEqualTo(new HeldResult.SenderUnknown("carol@newcomer.example", false));
        User carol = created(NewUser.of("Carol Newcomer", "carol@newcomer.example", Role.EMPLOYEE));
        HeldResult applied = held.apply(row, Outcome.UNKNOWN_SENDER, byAdmin, false);

        assertThat(applied).isInstanceOfSatisfying(HeldResult.Done.class,
                d -> assertThat(d.outcome()).isEqualTo(Outcome.OPENED_TICKET));
        long ticketId = ((HeldResult.Done) applied).ticketId();
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND requester_id = ? AND source = 'email'"
                + " AND title = 'VPN does not connect'", ticketId, carol.id())).isOne();
        assertThat(db.count("SELECT COUNT(*) FROM inbound_emails WHERE id = ? AND outcome = 'opened_ticket'"
                + " AND ticket_id = ? AND handled_by = ? AND handled_as = 'applied' AND handled_at IS NOT NULL",
                row, ticketId, admin.id())).isOne();
        assertThat(db.count("SELECT COUNT(*) FROM user_events WHERE user_id = ? AND actor_id = ?"
                + " AND event_type = 'mail_applied' AND field = 'inbound_email' AND old_value = ? AND new_value = ?"
                + " AND channel = 'web' AND address = '203.0.113.7'", admin.id(), admin.id(),
                id + " from carol@newcomer.example: unknown_sender", "opened_ticket ticket #" + ticketId)).isOne();
        assertThat(waiting.page(0, 50).lines()).isEmpty();

        assertThat(held.apply(row, Outcome.UNKNOWN_SENDER, byAdmin, false))
                .isEqualTo(new HeldResult.AlreadyHandled(Outcome.OPENED_TICKET));
        assertThat(pipeline.receive(raw, "imap").outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE requester_id = ?", carol.id())).isOne();
    }

    @Test
    void aReplyHeldForItsSubjectTagLandsOnItsTicketWhenAnAdminVouchesForIt() {
        User bob = world.employee("Bob");
        Ticket ticket = world.pendingTicket(bob);
        String id = Emails.newMessageId();
        pipeline.receive(Emails.wire(Emails.plain(bob.email(), SUPPORT, "Re: [#" + ticket.id() + "] printer broken",
                id, null, "", "It jams on page two.")), "webhook");
        long row = rowOf(id);
        assertThat(waiting.one(row).orElseThrow()).satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(Outcome.UNMATCHED);
            assertThat(d.waits()).isTrue();
            assertThat(d.fromName()).isEqualTo("Bob Example");
            assertThat(d.forged()).isNull();
            assertThat(d.rawStart()).contains("Message-ID: " + id, "It jams on page two.");
        });

        assertThat(held.apply(row, Outcome.UNMATCHED, byAdmin, false)).isInstanceOfSatisfying(HeldResult.Done.class,
                d -> assertThat(d.outcome()).isEqualTo(Outcome.APPLIED));

        assertThat(bodies(ticket)).containsExactly("It jams on page two.");
    }

    @Test
    void aMailTheServerFoundForgedIsAppliedOnlyWithTheAdminsExplicitConfirmation() {
        User bob = world.employee("Bob");
        String id = Emails.newMessageId();
        pipeline.receive(Emails.wire(Emails.plain(bob.email(), SUPPORT, "Payroll question", id, null,
                "Authentication-Results: " + OURS + "; dmarc=fail header.from=example.com\n", "Please call me.")),
                "imap");
        long row = rowOf(id);
        assertThat(waiting.one(row).orElseThrow().forged()).isEqualTo(OURS + " says dmarc=fail for example.com");

        assertThat(held.apply(row, Outcome.REFUSED, byAdmin, false))
                .isEqualTo(new HeldResult.NeedsConfirmation(OURS + " says dmarc=fail for example.com"));
        assertThat(db.count("SELECT COUNT(*) FROM inbound_emails WHERE id = ? AND outcome = 'refused'"
                + " AND handled_by IS NULL", row)).isOne();

        assertThat(held.apply(row, Outcome.REFUSED, byAdmin, true)).isInstanceOfSatisfying(HeldResult.Done.class,
                d -> assertThat(d.outcome()).isEqualTo(Outcome.OPENED_TICKET));
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE requester_id = ?", bob.id())).isOne();
    }

    @Test
    void aMailAttachedToATicketIsItsSendersReplyThere() {
        User bob = world.employee("Bob");
        Ticket ticket = world.pendingTicket(bob);
        String id = Emails.newMessageId();
        pipeline.receive(Emails.wire(Emails.plain("bob.private@home.example", SUPPORT, "the printer again", id, null,
                "", "Still broken, writing from home.")), "imap");
        long row = rowOf(id);
        assertThat(held.attach(row, Outcome.UNKNOWN_SENDER, 999_999, byAdmin, false))
                .isEqualTo(new HeldResult.Refused("there is no ticket #999999"));
        User home = created(NewUser.of("Bob at home", "bob.private@home.example", Role.EMPLOYEE));

        HeldResult attached = held.attach(row, Outcome.UNKNOWN_SENDER, ticket.id(), byAdmin, false);

        assertThat(attached).isInstanceOfSatisfying(HeldResult.Done.class, d -> {
            assertThat(d.outcome()).as(d.note()).isEqualTo(Outcome.REFUSED);
            assertThat(d.note()).contains("ticket #" + ticket.id() + " not found");
        });
        assertThat(bodies(ticket)).as("core's visibility rule: only the requester and its responders write").isEmpty();
        long again = rowOf(id);
        assertThat(waiting.one(again).orElseThrow().waits()).isTrue();

        HeldResult onTheirOwn = held.attach(again, Outcome.REFUSED, world.pendingTicket(home).id(), byAdmin, false);

        assertThat(onTheirOwn).isInstanceOfSatisfying(HeldResult.Done.class,
                d -> assertThat(d.outcome()).isEqualTo(Outcome.APPLIED));
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE sender_id = ? AND body = ?", home.id(),
                "Still broken, writing from home.")).isOne();
        assertThat(db.count("SELECT COUNT(*) FROM user_events WHERE actor_id = ? AND event_type = 'mail_attached'",
                admin.id())).isEqualTo(2);
    }

    @Test
    void aDismissedMailLeavesTheListWithWhoDismissedItAndCannotBeAppliedAfterwards() {
        String id = Emails.newMessageId();
        pipeline.receive(Emails.wire(Emails.plain("spam@nowhere.example", SUPPORT, "Win a prize", id, null, "",
                "Click here.")), "imap");
        long row = rowOf(id);

        assertThat(held.dismiss(row, Outcome.UNKNOWN_SENDER, byAdmin))
                .isEqualTo(new HeldResult.Done(Outcome.DISMISSED, null, null));

        assertThat(waiting.page(0, 50).total()).isZero();
        assertThat(waiting.one(row).orElseThrow()).satisfies(d -> {
            assertThat(d.waits()).isFalse();
            assertThat(d.handledBy()).isEqualTo(admin.id());
            assertThat(d.handledAs()).isEqualTo("dismissed");
        });
        assertThat(db.count("SELECT COUNT(*) FROM user_events WHERE actor_id = ? AND event_type = 'mail_dismissed'"
                + " AND new_value = 'dismissed'", admin.id())).isOne();
        assertThat(held.dismiss(row, Outcome.UNKNOWN_SENDER, byAdmin))
                .isEqualTo(new HeldResult.AlreadyHandled(Outcome.DISMISSED));
        assertThat(held.apply(row, Outcome.UNKNOWN_SENDER, byAdmin, false))
                .isEqualTo(new HeldResult.AlreadyHandled(Outcome.DISMISSED));
    }

    private User created(NewUser user) {
        return ((UserResult.Saved) managing.create(user, byAdmin)).user();
    }

    private long rowOf(String messageId) {
        return db.count("SELECT id FROM inbound_emails WHERE message_id = ?", messageId);
    }

    private List<String> bodies(Ticket ticket) {
        return messages.forTicket(ticket.id()).stream().map(Message::body).toList();
    }
}
