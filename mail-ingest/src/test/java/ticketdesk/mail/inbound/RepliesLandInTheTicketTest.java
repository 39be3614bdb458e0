package ticketdesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.message.Message;
import ticketdesk.core.message.MessageQueries;
import ticketdesk.core.ticket.CancellingTicket;
import ticketdesk.core.ticket.ChangeResult;
import ticketdesk.core.ticket.Commands.CancelTicket;
import ticketdesk.core.ticket.Commands.ResolveTicket;
import ticketdesk.core.ticket.ResolvingTicket;
import ticketdesk.core.ticket.Source;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.ticket.TicketQueries;
import ticketdesk.core.ticket.TicketStatus;
import ticketdesk.core.user.DeactivatingUser;
import ticketdesk.core.user.User;
import ticketdesk.mail.Emails;
import ticketdesk.mail.Emails.Answering;
import ticketdesk.mail.MailTest;

@MicronautTest(transactional = false)
class RepliesLandInTheTicketTest extends MailTest {

    @Inject @Client("/") HttpClient http;
    @Inject ImapReader imap;
    @Inject MessageQueries messages;
    @Inject TicketQueries tickets;
    @Inject ResolvingTicket resolving;
    @Inject DeactivatingUser deactivating;
    @Inject InboundPipeline pipeline;
    @Inject CancellingTicket cancelling;

    User bob;
    User alice;
    Ticket ticket;
    Answering claimedMail;

    void claimedTicketMailedToBob() throws Exception {
        bob = world.employee("Bob");
        alice = world.responder("Alice");
        ticket = world.claimedTicket(bob, alice);
        MimeMessage claimed = deliveredTo(bob.email()).stream()
                .filter(m -> subjectOf(m).contains("claimed by Alice")).findFirst().orElseThrow();
        claimedMail = Answering.to(claimed);
        greenMail.purgeEmailFromAllMailboxes();
    }

    @Test
    void aGmailReplyAddsOnlyTheNewTextAndTheResponderIsTold() throws Exception {
        claimedTicketMailedToBob();

        String id = Emails.newMessageId();
        Map<?, ?> answer = post(Emails.gmailReply(bob.email(), claimedMail, id,
                "Thanks, it prints again after the restart."));

        assertThat(answer.get("outcome")).isEqualTo("applied");
        assertThat(bodies()).containsExactly("Thanks, it prints again after the restart.");
        assertThat(db.count("SELECT COUNT(*) FROM inbound_emails WHERE message_id = ? AND outcome = 'applied'"
                + " AND error IS NULL AND note LIKE 'matched by %'", id)).isEqualTo(1);
        assertResponderToldOf("Thanks, it prints again after the restart.");
    }

    @Test
    void anOutlookReplyAddsOnlyTheNewTextAndTheResponderIsTold() throws Exception {
        claimedTicketMailedToBob();

        Map<?, ?> answer = post(Emails.outlookReply(bob.email(), claimedMail, Emails.newMessageId(),
                "The display now shows error E42 – see the café menu."));

        assertThat(answer.get("outcome")).isEqualTo("applied");
        assertThat(bodies()).containsExactly("The display now shows error E42 – see the café menu.");
        assertResponderToldOf("error E42");
    }

    @Test
    void anAppleMailReplyReadOverImapAddsOnlyTheNewTextAndTheResponderIsTold() throws Exception {
        claimedTicketMailedToBob();
        deliverToSupport(Emails.appleReply(bob.email(), claimedMail, Emails.newMessageId(),
                "Toner replaced, all good 👍"));

        assertThat(imap.readOnce()).isEqualTo(1);

        assertThat(bodies()).containsExactly("Toner replaced, all good 👍");
        assertResponderToldOf("Toner replaced");
    }

    @Test
    void aReplyToTheSupportAddressIsMatchedByItsInReplyToButBySubjectTagAloneIsHeldWithoutATrustedServer()
            throws Exception {
        claimedTicketMailedToBob();

        Map<?, ?> byThread = post(Emails.plain(bob.email(), SUPPORT, "Re: " + claimedMail.subject(),
                Emails.newMessageId(), claimedMail.messageId(), "", "Replied to the From address."));
        Map<?, ?> bySubject = post(Emails.plain(bob.email(), SUPPORT, "More on [#" + ticket.id() + "]",
                Emails.newMessageId(), null, "Authentication-Results: mx.example.com; dmarc=pass header.from=example.com\n",
                "A fresh email with the tag."));

        assertThat(byThread.get("outcome")).isEqualTo("applied");
        assertThat(bySubject.get("outcome")).as("no MAIL_AUTHSERV_ID: no header is trusted").isEqualTo("unmatched");
        assertThat(bodies()).containsExactly("Replied to the From address.");
    }

    @Test
    void theRespondersEmailReplyReachesTheRequesterByEmail() throws Exception {
        claimedTicketMailedToBob();
        post(Emails.gmailReply(bob.email(), claimedMail, Emails.newMessageId(), "Is there an update?"));
        MimeMessage toAlice = deliveredTo(alice.email()).get(0);
        greenMail.purgeEmailFromAllMailboxes();

        Map<?, ?> answer = post(Emails.appleReply(alice.email(), Answering.to(toAlice), Emails.newMessageId(),
                "Yes: the new fuser arrives tomorrow."));

        assertThat(answer.get("outcome")).isEqualTo("applied");
        List<MimeMessage> toBob = deliveredTo(bob.email());
        assertThat(toBob).hasSize(1);
        assertThat(toBob.get(0).getSubject()).isEqualTo("[#" + ticket.id() + "] printer broken — message from Alice");
        assertThat(plainText(toBob.get(0))).contains("Yes: the new fuser arrives tomorrow.");
    }

    @Test
    void theSameMessageByImapAndByWebhookIsAppliedOnce() throws Exception {
        claimedTicketMailedToBob();
        String id = Emails.newMessageId();
        String raw = Emails.gmailReply(bob.email(), claimedMail, id, "Only once, please.");
        deliverToSupport(raw);
        imap.readOnce();

        Map<?, ?> again = post(raw);
        Map<?, ?> third = post(raw);

        assertThat(again.get("outcome")).isEqualTo("duplicate");
        assertThat(again.get("firstOutcome")).isEqualTo("applied");
        assertThat(third.get("outcome")).isEqualTo("duplicate");
        assertThat(bodies()).containsExactly("Only once, please.");
        assertThat(db.count("SELECT COUNT(*) FROM inbound_emails WHERE message_id = ?", id)).isEqualTo(1);
        assertThat(deliveredTo(alice.email())).hasSize(1);
    }

    @Test
    void theSameMessageArrivingSixTimesAtOnceIsAppliedOnce() throws Exception {
        claimedTicketMailedToBob();
        byte[] raw = Emails.wire(Emails.gmailReply(bob.email(), claimedMail, Emails.newMessageId(), "Once only."));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<InboundPipeline.Received>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return pipeline.receive(raw, "test");
                }));
            }
            start.countDown();
            long applied = 0;
            for (var r : results) {
                Outcome outcome = r.get().outcome();
                assertThat(outcome).isIn(Outcome.APPLIED, Outcome.DUPLICATE);
                applied += outcome == Outcome.APPLIED ? 1 : 0;
            }
            assertThat(applied).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(bodies()).containsExactly("Once only.");
    }

    @Test
    void aReplyToADoneTicketWithinSevenDaysReopensIt() throws Exception {
        claimedTicketMailedToBob();
        assertThat(resolving.resolve(new ResolveTicket(ticket.id(), alice.id(), Channel.WEB)))
                .isInstanceOf(ChangeResult.Changed.class);
        MimeMessage resolved = deliveredTo(bob.email()).stream()
                .filter(m -> subjectOf(m).contains("resolved by Alice")).findFirst().orElseThrow();

        Map<?, ?> answer = post(Emails.gmailReply(bob.email(), Answering.to(resolved), Emails.newMessageId(),
                "Sorry, it is jammed again."));

        assertThat(answer.get("outcome")).isEqualTo("reopened");
        Ticket now = tickets.byId(ticket.id()).orElseThrow();
        assertThat(now.status()).isEqualTo(TicketStatus.IN_PROCESS);
        assertThat(now.responderId()).isEqualTo(alice.id());
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'reopened'"
                + " AND channel = 'email'", ticket.id())).isEqualTo(1);
        assertThat(bodies()).containsExactly("Sorry, it is jammed again.");
    }

    @Test
    void aReplyToACancelledTicketIsRefusedAndTheSenderIsToldWhy() throws Exception {
        claimedTicketMailedToBob();
        assertThat(cancelling.cancel(new CancelTicket(ticket.id(), bob.id(), Channel.WEB)))
                .isInstanceOf(ChangeResult.Changed.class);
        deliveredTo("@");
        greenMail.purgeEmailFromAllMailboxes();

        String id = Emails.newMessageId();
        Map<?, ?> answer = post(Emails.gmailReply(bob.email(), claimedMail, id, "Any news?"));

        assertThat(answer.get("outcome")).isEqualTo("refused");
        assertThat(bodies()).isEmpty();
        assertThat(db.count("SELECT COUNT(*) FROM inbound_emails WHERE message_id = ? AND outcome = 'refused'"
                + " AND error LIKE '%cancelled%' AND note IS NULL", id)).isEqualTo(1);
        List<MimeMessage> told = deliveredTo(bob.email());
        assertThat(told).hasSize(1);
        assertThat(plainText(told.get(0))).contains("was not added to the ticket").contains("cancelled");
    }

    @Test
    void anOutOfOfficeReplyChangesNothingAndIsAnsweredByNothing() throws Exception {
        claimedTicketMailedToBob();
        long notifications = db.count("SELECT COUNT(*) FROM notifications");
        long events = db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ?", ticket.id());

        Map<?, ?> answer = post(Emails.plain(bob.email(), claimedMail.replyTo(), "Automatic reply: "
                        + claimedMail.subject(), Emails.newMessageId(), claimedMail.messageId(),
                "Auto-Submitted: auto-replied\nX-Auto-Response-Suppress: All\n",
                "I am out of the office until Monday."));

        assertThat(answer.get("outcome")).isEqualTo("automated");
        assertThat(bodies()).isEmpty();
        assertThat(db.count("SELECT COUNT(*) FROM notifications")).isEqualTo(notifications);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ?", ticket.id())).isEqualTo(events);
        assertThat(deliveredTo("@")).isEmpty();
    }

    @Test
    void bouncesListMailAndOurOwnMailAreIgnored() throws Exception {
        claimedTicketMailedToBob();
        String to = claimedMail.replyTo();
        assertThat(post(Emails.plain("MAILER-DAEMON@mx.example.com", to, "Undelivered Mail", Emails.newMessageId(),
                null, "", "could not deliver")).get("outcome")).isEqualTo("automated");
        assertThat(post(Emails.plain(bob.email(), to, "Re: " + claimedMail.subject(), Emails.newMessageId(), null,
                "Precedence: bulk\n", "weekly digest")).get("outcome")).isEqualTo("automated");
        assertThat(post(Emails.plain(bob.email(), to, "news", Emails.newMessageId(), null,
                "List-Id: <news.example.com>\n", "list mail")).get("outcome")).isEqualTo("automated");
        assertThat(post(Emails.plain(SUPPORT, to, claimedMail.subject(), Emails.newMessageId(), null, "",
                "our own")).get("outcome")).isEqualTo("own_mail");
        assertThat(post(Emails.plain(bob.email(), to, "Re: " + claimedMail.subject(), Emails.newMessageId(), null,
                "", "null sender").replace("Return-Path: <" + bob.email() + ">", "Return-Path: <>"))
                .get("outcome")).isEqualTo("automated");
        assertThat(bodies()).isEmpty();
        assertThat(deliveredTo("@")).isEmpty();
    }

    @Test
    void aForgedReplyFromSomeoneElseChangesNothing() throws Exception {
        claimedTicketMailedToBob();
        User mallory = world.employee("Mallory");
        long events = db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ?", ticket.id());

        Map<?, ?> answer = post(Emails.plain(mallory.email(), SUPPORT, "Re: " + claimedMail.subject(),
                Emails.newMessageId(), null, "", "Please close this, Bob says so."));
        Map<?, ?> badToken = post(Emails.plain(mallory.email(), claimedMail.replyTo().replaceFirst("-[0-9a-f]+@",
                "-00000000000000000000@"), "Re: " + claimedMail.subject(), Emails.newMessageId(),
                claimedMail.messageId(), "", "Forged token."));

        assertThat(answer.get("outcome")).isEqualTo("unverified");
        assertThat(badToken.get("outcome")).isEqualTo("unverified");
        assertThat(bodies()).isEmpty();
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ?", ticket.id())).isEqualTo(events);
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE requester_id = ?", mallory.id())).isZero();
        assertThat(deliveredTo("@")).isEmpty();
    }

    @Test
    void anUnknownSenderGetsOnePoliteAnswerAndNothingElse() throws Exception {
        claimedTicketMailedToBob();
        String stranger = "stranger@elsewhere.example";
        long tickets = db.count("SELECT COUNT(*) FROM tickets");

        Map<?, ?> first = post(Emails.plain(stranger, SUPPORT, "Re: " + claimedMail.subject(), Emails.newMessageId(),
                null, "", "Me too!"));
        Map<?, ?> second = post(Emails.plain(stranger, SUPPORT, "Hello?", Emails.newMessageId(), null, "", "Anyone?"));

        assertThat(first.get("outcome")).isEqualTo("unknown_sender");
        assertThat(second.get("outcome")).isEqualTo("unknown_sender");
        List<MimeMessage> answers = deliveredTo(stranger);
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(answers.get(0).getReplyTo()[0].toString()).doesNotContain("+t");
        assertThat(bodies()).isEmpty();
        assertThat(db.count("SELECT COUNT(*) FROM tickets")).isEqualTo(tickets);
    }

    @Test
    void aDeactivatedRequestersReplyWithAValidTokenChangesNothingAndGetsOnePoliteAnswer() throws Exception {
        claimedTicketMailedToBob();
        deactivating.deactivate(bob.id(), world.admin("Root").id(), Channel.WEB);
        deliveredTo("@");
        greenMail.purgeEmailFromAllMailboxes();

        Map<?, ?> first = post(Emails.gmailReply(bob.email(), claimedMail, Emails.newMessageId(), "Still broken."));
        Map<?, ?> second = post(Emails.gmailReply(bob.email(), claimedMail, Emails.newMessageId(), "Hello?"));

        assertThat(first.get("outcome")).isEqualTo("inactive_sender");
        assertThat(second.get("outcome")).isEqualTo("inactive_sender");
        assertThat(bodies()).isEmpty();
        List<MimeMessage> answers = deliveredTo(bob.email());
        assertThat(answers).hasSize(1);
        assertThat(plainText(answers.get(0))).contains("deactivated");
    }

    @Test
    void anActiveUsersEmailAboutNothingKnownOpensAnEmailTicket() throws Exception {
        User carol = world.employee("Carol");

        Map<?, ?> answer = post(Emails.plain(carol.email(), SUPPORT, "Fwd: Projector flickers in room 4",
                Emails.newMessageId(), null, "", "It flickers every few seconds.\n\n-- \nCarol"));

        assertThat(answer.get("outcome")).isEqualTo("opened_ticket");
        long id = ((Number) answer.get("ticketId")).longValue();
        Ticket opened = tickets.byId(id).orElseThrow();
        assertThat(opened.title()).isEqualTo("Projector flickers in room 4");
        assertThat(opened.description()).isEqualTo("It flickers every few seconds.");
        assertThat(opened.requesterId()).isEqualTo(carol.id());
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND source = 'email'", id)).isEqualTo(1);
    }

    @Test
    void theWebhookWantsTheBearerToken() {
        String raw = Emails.plain("x@example.com", SUPPORT, "hi", Emails.newMessageId(), null, "", "hi");
        for (String auth : new String[] {null, "Bearer wrong-token", "Basic " + INBOUND_TOKEN}) {
            var request = HttpRequest.POST("/mail/inbound", Emails.wire(raw)).contentType("message/rfc822");
            if (auth != null) {
                request.header("Authorization", auth);
            }
            assertThatThrownBy(() -> http.toBlocking().exchange(request, Map.class))
                    .isInstanceOfSatisfying(HttpClientResponseException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(401));
        }
        assertThat(db.count("SELECT COUNT(*) FROM inbound_emails WHERE from_address = 'x@example.com'")).isZero();
    }

    @Test
    void aReplyThatFailsForNowIsAnswered503SoTheRelayDeliversItAgain() throws Exception {
        claimedTicketMailedToBob();
        failInserts("messages", "NEW.body LIKE '%database hiccup%'");
        String raw = Emails.gmailReply(bob.email(), claimedMail, Emails.newMessageId(), "Sent during a database hiccup.");

        HttpResponse<?> first = exchange(raw);

        assertThat(first.getStatus().getCode()).isEqualTo(503);
        assertThat(first.getHeaders().get("Retry-After")).isNotBlank();
        assertThat(bodies()).isEmpty();
        healInserts("messages");
        HttpResponse<?> again = exchange(raw);
        assertThat(again.getStatus().getCode()).isEqualTo(200);
        assertThat(bodies()).containsExactly("Sent during a database hiccup.");
    }

    @Test
    void aMailAnotherDeliveryIsStillHandlingIsAnswered503() throws Exception {
        claimedTicketMailedToBob();
        String id = Emails.newMessageId();
        sql("INSERT INTO inbound_emails (message_id, received_at, outcome, attempts)"
                + " VALUES (?, UTC_TIMESTAMP(6), 'processing', 1)", id);

        HttpResponse<?> answer = exchange(Emails.gmailReply(bob.email(), claimedMail, id, "Being handled."));

        assertThat(answer.getStatus().getCode()).isEqualTo(503);
        assertThat(answer.getHeaders().get("Retry-After")).isNotBlank();
        assertThat(db.count("SELECT COUNT(*) FROM inbound_emails WHERE message_id = ? AND outcome = 'processing'", id))
                .isEqualTo(1);
    }

    @Test
    void aNewTicketWhoseAttachmentCouldNotBeSavedIsOpenedOnceByTheRetry() throws Exception {
        User carol = world.employee("Carol");
        failInserts("message_attachments", "NEW.file_name = 'flicker.mp4'");
        String raw = Emails.withAttachment(carol.email(), SUPPORT, "Projector flickers", Emails.newMessageId(),
                "See the video.", "flicker.mp4", "video/mp4", new byte[512]);

        assertThat(exchange(raw).getStatus().getCode()).isEqualTo(503);

        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE requester_id = ?", carol.id())).isZero();
        healInserts("message_attachments");
        Map<?, ?> retried = post(raw);
        assertThat(retried.get("outcome")).isEqualTo("opened_ticket");
        long id = ((Number) retried.get("ticketId")).longValue();
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE requester_id = ?", carol.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM message_attachments a JOIN messages m ON m.id = a.message_id"
                + " WHERE m.ticket_id = ? AND a.file_name = 'flicker.mp4'", id)).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM inbound_emails WHERE ticket_id = ? AND outcome = 'opened_ticket'", id))
                .isEqualTo(1);
    }

    @Test
    void anEmailWhoseTicketWasOpenedBeforeItsHandlerDiedOpensNoSecondTicket() throws Exception {
        User carol = world.employee("Carol");
        Ticket opened = world.pendingTicket(carol, "Projector flickers", Source.EMAIL);
        String id = Emails.newMessageId();
        sql("INSERT INTO inbound_emails (message_id, received_at, ticket_id, outcome, attempts)"
                + " VALUES (?, UTC_TIMESTAMP(6) - INTERVAL 1 HOUR, ?, 'processing', 1)", id, opened.id());

        Map<?, ?> answer = post(Emails.plain(carol.email(), SUPPORT, "Projector flickers", id, null, "",
                "It flickers."));

        assertThat(answer.get("outcome")).isEqualTo("opened_ticket");
        assertThat(((Number) answer.get("ticketId")).longValue()).isEqualTo(opened.id());
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE requester_id = ?", carol.id())).isEqualTo(1);
    }

    @Test
    void anAttachmentWithAnOverlongContentTypeIsKeptUnderAShortenedOne() throws Exception {
        claimedTicketMailedToBob();
        String type = "application/x-" + "a".repeat(300);

        Map<?, ?> answer = post(Emails.withAttachment(bob.email(), claimedMail.replyTo(), "Re: x",
                Emails.newMessageId(), "The log.", "trace.bin", type, new byte[64]));

        assertThat(answer.get("outcome")).isEqualTo("applied");
        assertThat(db.count("SELECT COUNT(*) FROM message_attachments WHERE file_name = 'trace.bin'"
                + " AND content_type = ?", type.substring(0, 255))).isEqualTo(1);
    }

    private Map<?, ?> post(String raw) {
        HttpResponse<Map> response = http.toBlocking().exchange(HttpRequest.POST("/mail/inbound", Emails.wire(raw))
                .contentType(MediaType.of("message/rfc822")).header("Authorization", "Bearer " + INBOUND_TOKEN), Map.class);
        assertThat(response.getStatus().getCode()).isEqualTo(200);
        return response.body();
    }

    /** Posts to the webhook and returns its answer, whatever the status. */
    private HttpResponse<?> exchange(String raw) {
        try {
            return http.toBlocking().exchange(HttpRequest.POST("/mail/inbound", Emails.wire(raw))
                    .contentType(MediaType.of("message/rfc822")).header("Authorization", "Bearer " + INBOUND_TOKEN),
                    Map.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    private List<String> bodies() {
        return messages.forTicket(ticket.id()).stream().map(Message::body).toList();
    }

    private void assertResponderToldOf(String text) throws Exception {
        List<MimeMessage> toAlice = deliveredTo(alice.email());
        assertThat(toAlice).hasSize(1);
        assertThat(toAlice.get(0).getSubject()).isEqualTo("[#" + ticket.id() + "] printer broken — message from Bob");
        assertThat(plainText(toAlice.get(0))).contains(text);
    }

    private static String plainText(MimeMessage m) throws Exception {
        return (String) ((jakarta.mail.Multipart) m.getContent()).getBodyPart(0).getContent();
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
