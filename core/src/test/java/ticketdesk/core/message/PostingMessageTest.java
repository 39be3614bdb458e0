package ticketdesk.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.Refusal;
import ticketdesk.core.testing.RecordingDatabaseTest;
import ticketdesk.core.ticket.Commands.ResolveTicket;
import ticketdesk.core.ticket.ResolvingTicket;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.ticket.TicketStatus;
import ticketdesk.core.user.User;

/** Rule 7, and rule 5's reopen by reply. */
@MicronautTest(transactional = false)
class PostingMessageTest extends RecordingDatabaseTest {

    @Inject PostingMessage posting;
    @Inject ResolvingTicket resolving;
    User bob;
    User alice;

    @BeforeEach
    void setUp() {
        bob = world.employee("Bob");
        alice = world.responder("Alice");
    }

    @Test
    void aReplyDeliveredThreeTimesConcurrentlyIsStoredOnce() throws Exception {
        Ticket ticket = world.claimedTicket(bob, alice);
        PostMessage reply = new PostMessage(ticket.id(), bob.id(), "it is still broken", Channel.EMAIL,
                "<abc@mail.example.com>");
        List<Callable<PostResult>> deliveries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            deliveries.add(() -> posting.post(reply));
        }
        var pool = Executors.newFixedThreadPool(3);
        List<PostResult> results = new ArrayList<>();
        for (var f : pool.invokeAll(deliveries)) {
            results.add(f.get());
        }
        pool.shutdown();

        assertThat(results).filteredOn(r -> r instanceof PostResult.Posted).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof PostResult.Duplicate).hasSize(2);
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE ticket_id = ?", ticket.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'message'",
                ticket.id())).isEqualTo(1);
    }

    @Test
    void theRequesterReplyReachesTheHolderAndIsNotEchoedToTheRequester() {
        Ticket ticket = world.claimedTicket(bob, alice);

        PostResult result = posting.post(new PostMessage(ticket.id(), bob.id(), "any news?", Channel.EMAIL, "<1@x>"));

        assertThat(result).isInstanceOfSatisfying(PostResult.Posted.class,
                p -> assertThat(p.message().receiverId()).isEqualTo(alice.id()));
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND kind = 'message'"
                + " AND recipient_user_id = ?", ticket.id(), alice.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND kind = 'message'"
                + " AND recipient_user_id = ?", ticket.id(), bob.id())).isZero();
    }

    @Test
    void theRequesterMayAddToAPendingTicketThatNobodyHoldsYet() {
        Ticket ticket = world.pendingTicket(bob);

        PostResult result = posting.post(new PostMessage(ticket.id(), bob.id(), "it is the one on floor 3",
                Channel.EMAIL, "<7@x>"));

        assertThat(result).isInstanceOfSatisfying(PostResult.Posted.class,
                p -> assertThat(p.message().receiverId()).isNull());
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE ticket_id = ? AND receiver_id IS NULL",
                ticket.id())).isEqualTo(1);
    }

    @Test
    void theResponderReplyReachesTheRequester() {
        Ticket ticket = world.claimedTicket(bob, alice);
        posting.post(new PostMessage(ticket.id(), alice.id(), "on my way", Channel.SLACK, "1700000000.000100"));
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND kind = 'message'"
                + " AND recipient_user_id = ? AND channel = 'email'", ticket.id(), bob.id())).isEqualTo(1);
    }

    @Test
    void aReplyToADoneTicketWithinTheWindowReopensIt() {
        Ticket ticket = world.claimedTicket(bob, alice);
        resolving.resolve(new ResolveTicket(ticket.id(), alice.id(), Channel.SLACK));

        PostResult result = posting.post(new PostMessage(ticket.id(), bob.id(), "broken again", Channel.EMAIL, "<2@x>"));

        assertThat(result).isInstanceOfSatisfying(PostResult.Posted.class, p -> {
            assertThat(p.reopened()).isTrue();
            assertThat(p.ticket().status()).isEqualTo(TicketStatus.IN_PROCESS);
        });
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'reopened'",
                ticket.id())).isEqualTo(1);
    }

    @Test
    void anEmptyOrHugeMessageIsRefusedAndNothingIsStored() {
        Ticket ticket = world.claimedTicket(bob, alice);
        assertThat(posting.post(new PostMessage(ticket.id(), bob.id(), "  \n ", Channel.EMAIL, "<3@x>")))
                .isInstanceOfSatisfying(PostResult.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.INVALID_INPUT));
        assertThat(posting.post(new PostMessage(ticket.id(), bob.id(), "x".repeat(60_000), Channel.EMAIL, "<4@x>")))
                .isInstanceOf(PostResult.Refused.class);
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE ticket_id = ?", ticket.id())).isZero();
    }

    @Test
    void aMessageIsStoredWithoutControlOrBidiOverrideCharactersAndKeepsItsLines() {
        Ticket ticket = world.claimedTicket(bob, alice);
        posting.post(new PostMessage(ticket.id(), bob.id(), "still\u0000 broken\u202E\r\n\tsee \u2066below\u2069",
                Channel.EMAIL, "<clean@x>"));

        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE ticket_id = ? AND body = ?", ticket.id(),
                "still broken\n\tsee below")).isEqualTo(1);
    }

    @Test
    void anOverlongExternalIdIsRefusedClearlyAndNothingIsStored() {
        Ticket ticket = world.claimedTicket(bob, alice);
        PostResult result = posting.post(new PostMessage(ticket.id(), bob.id(), "hello", Channel.EMAIL,
                "<" + "x".repeat(300) + "@example.com>"));
        assertThat(result).isInstanceOfSatisfying(PostResult.Refused.class, r -> {
            assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.INVALID_INPUT);
            assertThat(r.refusal().message()).contains("255");
        });
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE ticket_id = ?", ticket.id())).isZero();
    }

    @Test
    void someoneWhoCannotSeeTheTicketCannotPostOnIt() {
        Ticket ticket = world.claimedTicket(bob, alice);
        User dave = world.employee("Dave");
        assertThat(posting.post(new PostMessage(ticket.id(), dave.id(), "hi", Channel.EMAIL, "<5@x>")))
                .isInstanceOfSatisfying(PostResult.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.NOT_FOUND));
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE ticket_id = ?", ticket.id())).isZero();
    }

    @Test
    void attachmentsAreKeptWithTheMessage() {
        Ticket ticket = world.claimedTicket(bob, alice);
        PostResult result = posting.post(new PostMessage(ticket.id(), bob.id(), "see photo", Channel.EMAIL, "<6@x>",
                List.of(new Attachment("printer.jpg", "image/jpeg", 3, new byte[] {1, 2, 3}))));
        long messageId = ((PostResult.Posted) result).message().id();
        assertThat(context.getBean(MessageQueries.class).attachmentsOf(messageId))
                .singleElement().satisfies(a -> {
                    assertThat(a.fileName()).isEqualTo("printer.jpg");
                    assertThat(a.size()).isEqualTo(3);
                });
    }

    @Test
    void anAttachmentWithAnOverlongNameIsKeptUnderAShortenedName() {
        Ticket ticket = world.claimedTicket(bob, alice);
        String name = "r".repeat(300) + ".pdf";

        PostResult result = posting.post(new PostMessage(ticket.id(), bob.id(), "the report", Channel.EMAIL, "<8@x>",
                List.of(new Attachment(name, "application/pdf", 3, new byte[] {1, 2, 3}))));

        assertThat(result).isInstanceOf(PostResult.Posted.class);
        assertThat(db.count("SELECT COUNT(*) FROM message_attachments a JOIN messages m ON m.id = a.message_id"
                + " WHERE m.ticket_id = ? AND a.file_name = ? AND LENGTH(a.content) = 3", ticket.id(),
                name.substring(0, 255))).isEqualTo(1);
    }
}
