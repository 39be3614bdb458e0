package ticketdesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ticketdesk.core.message.MessageQueries;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.User;
import ticketdesk.mail.Emails;
import ticketdesk.mail.Emails.Answering;
import ticketdesk.mail.ImapSettings;
import ticketdesk.mail.MailSettings;
import ticketdesk.mail.MailTest;

@MicronautTest(transactional = false)
class ImapReaderTest extends MailTest {

    @Inject ImapReader reader;
    @Inject ImapSettings settings;
    @Inject MailSettings mailSettings;
    @Inject InboundPipeline pipeline;
    @Inject ImapCursors cursors;
    @Inject MessageQueries messages;

    User bob;
    Ticket ticket;
    Answering claimedMail;

    void claimedTicketMailedToBob() throws Exception {
        bob = world.employee("Bob");
        ticket = world.claimedTicket(bob, world.responder("Alice"));
        MimeMessage claimed = deliveredTo(bob.email()).stream()
                .filter(m -> subjectOf(m).contains("claimed by")).findFirst().orElseThrow();
        claimedMail = Answering.to(claimed);
        greenMail.purgeEmailFromAllMailboxes();
    }

    @Test
    void troubledMessagesGetAnOutcomeAndNeverStopTheOnesAfterThem() throws Exception {
        claimedTicketMailedToBob();
        long before = db.count("SELECT COUNT(*) FROM inbound_emails");
        String to = claimedMail.replyTo();
        String re = "Re: " + claimedMail.subject();
        deliverToSupport("From: " + bob.email() + "\nTo: " + to + "\nSubject: " + re + "\nMessage-ID: <broken@x>\n"
                + "Content-Type: multipart/mixed; boundary=\"never-used\"\n\nno boundary anywhere\n");
        deliverToSupport(Emails.plain(bob.email(), to, re, null, null, "", "No Message-ID on this one."));
        deliverToSupport(Emails.plain(bob.email(), to, re, null, null, "Message-ID: \n", "An empty Message-ID."));
        deliverToSupport(withAttachments(to, re, "Log attached, and a photo."));
        deliverToSupport(Emails.plain(bob.email(), to, re, Emails.newMessageId(), null, "", "Grüße aus dem Büro.")
                .replace("charset=utf-8", "charset=x-klingon-42"));
        deliverToSupport(Emails.plain(bob.email(), to, re, "<empty-body@x>", null, "",
                "> On Monday Alice wrote:\n> did it help?\n\n-- \nBob"));
        byte[] junk = new byte[2000];
        new Random(7).nextBytes(junk);
        deliverToSupport(junk);
        deliverToSupport(Emails.plain(bob.email(), to, re, Emails.newMessageId(), null, "", "The last one arrives too."));

        assertThat(reader.readOnce()).isEqualTo(8);

        assertThat(bodies()).containsExactly("No Message-ID on this one.", "An empty Message-ID.",
                "Log attached, and a photo.", "Grüße aus dem Büro.", "The last one arrives too.");
        assertThat(db.count("SELECT COUNT(*) FROM inbound_emails")).isEqualTo(before + 8);
        assertThat(outcome("message_id = '<broken@x>'")).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM inbound_emails WHERE message_id = '<broken@x>'"
                + " AND outcome = 'malformed' AND raw_message IS NOT NULL AND error LIKE '%boundary%'")).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM inbound_emails WHERE message_id LIKE '<sha256.%' AND outcome = 'applied'"))
                .isEqualTo(2);
        assertThat(db.count("SELECT COUNT(*) FROM inbound_emails WHERE outcome = 'applied'"
                + " AND error IS NULL AND note LIKE '%huge.log (20.0 MB) skipped%'")).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM message_attachments WHERE file_name = 'photo.png' AND size_bytes = 300"))
                .isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM inbound_emails WHERE outcome = 'applied'"
                + " AND note LIKE '%unknown charset%x-klingon-42%'")).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM inbound_emails WHERE message_id = '<empty-body@x>'"
                + " AND outcome = 'empty'")).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM inbound_emails WHERE outcome = 'malformed'")).isEqualTo(2);
        assertThat(reader.readOnce()).isZero();
    }

    @Test
    void mailMarkedSeenInAnotherClientBeforeThePollIsStillRead() throws Exception {
        claimedTicketMailedToBob();
        for (String text : List.of("first", "second", "third")) {
            deliverToSupport(Emails.plain(bob.email(), claimedMail.replyTo(), "Re: x", Emails.newMessageId(), null,
                    "", text));
        }
        try (Store other = mailClient()) {
            Folder inbox = other.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.setFlags(inbox.getMessages(), new Flags(Flags.Flag.SEEN), true);
            inbox.close(false);
        }

        assertThat(reader.readOnce()).isEqualTo(3);

        assertThat(bodies()).containsExactly("first", "second", "third");
        deliverToSupport(Emails.plain(bob.email(), claimedMail.replyTo(), "Re: x", Emails.newMessageId(), null, "",
                "fourth"));
        assertThat(reader.readOnce()).isEqualTo(1);
        try (Store other = mailClient()) {
            Folder inbox = other.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message last = inbox.getMessage(inbox.getMessageCount());
            assertThat(last.isSet(Flags.Flag.SEEN)).as("the reader leaves the unread flag to people").isFalse();
        }
    }

    @Test
    void whileOneInstanceHoldsTheLeaseAnotherDoesNotRead() throws Exception {
        claimedTicketMailedToBob();
        deliverToSupport(Emails.plain(bob.email(), claimedMail.replyTo(), "Re: x", Emails.newMessageId(), null, "",
                "read by one instance"));
        ImapReader second = new ImapReader(settings, mailSettings, pipeline, cursors);
        try {
            assertThat(reader.readOnce()).isEqualTo(1);
            assertThat(second.readOnce()).isEqualTo(-1);
        } finally {
            second.close();
        }
        assertThat(bodies()).containsExactly("read by one instance");
    }

    @Test
    void theReaderComesBackAfterTheServerDroppedTheConnection() throws Exception {
        claimedTicketMailedToBob();
        assertThat(reader.readOnce()).isZero();
        restartGreenMail();
        deliverToSupport(Emails.plain(bob.email(), claimedMail.replyTo(), "Re: x", Emails.newMessageId(), null, "",
                "after the restart"));

        assertThat(reader.readOnce()).isEqualTo(1);

        assertThat(bodies()).containsExactly("after the restart");
    }

    @Test
    void withIdleNewMailIsReadWithoutWaitingForThePollInterval() throws Exception {
        claimedTicketMailedToBob();
        reader.start();
        try {
            Thread.sleep(1500);
            deliverToSupport(Emails.plain(bob.email(), claimedMail.replyTo(), "Re: x", Emails.newMessageId(), null,
                    "", "pushed by IDLE"));
            long deadline = System.currentTimeMillis() + 15_000;
            while (bodies().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            reader.stopWatching();
        }
        assertThat(bodies()).containsExactly("pushed by IDLE");
    }

    @Test
    void aMessageThatFailedIsReadAgainOnTheNextPassBeforeTheOnesAfterIt() throws Exception {
        claimedTicketMailedToBob();
        failInserts("messages", "NEW.body LIKE '%database hiccup%'");
        deliverToSupport(reply("Sent during a database hiccup."));
        deliverToSupport(reply("Sent after it."));

        assertThat(reader.readOnce()).isZero();

        assertThat(bodies()).isEmpty();
        assertThat(outcome("outcome = 'failed' AND attempts = 1")).isEqualTo(1);
        healInserts("messages");
        assertThat(reader.readOnce()).isEqualTo(2);
        assertThat(bodies()).containsExactly("Sent during a database hiccup.", "Sent after it.");
        assertThat(outcome("outcome = 'applied' AND attempts = 2")).isEqualTo(1);
        assertThat(reader.readOnce()).isZero();
    }

    @Test
    void aMessageThatKeepsFailingIsGivenUpOnAndTheMailboxMovesOn() throws Exception {
        claimedTicketMailedToBob();
        failInserts("messages", "NEW.body LIKE '%always fails%'");
        deliverToSupport(reply("This one always fails."));
        deliverToSupport(reply("The next one."));

        for (int attempt = 1; attempt < InboundPipeline.MAX_ATTEMPTS; attempt++) {
            assertThat(reader.readOnce()).isZero();
        }
        assertThat(reader.readOnce()).isEqualTo(2);

        assertThat(bodies()).containsExactly("The next one.");
        assertThat(outcome("outcome = 'failed' AND attempts = " + InboundPipeline.MAX_ATTEMPTS
                + " AND error LIKE '%given up after " + InboundPipeline.MAX_ATTEMPTS + " attempts%'")).isEqualTo(1);
        assertThat(reader.readOnce()).isZero();
    }

    @Test
    void aMessageTheDatabaseRefusesToStoreIsSkippedAfterSomePassesAndStaysInTheMailbox() throws Exception {
        claimedTicketMailedToBob();
        whenInserted("inbound_emails", "NEW.message_id = '<too-big@x>'",
                "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Packet for query is too large'");
        deliverToSupport(Emails.plain(bob.email(), claimedMail.replyTo(), "Re: x", "<too-big@x>", null, "",
                "Refused every time."));
        deliverToSupport(reply("The next one."));

        for (int pass = 1; pass < InboundPipeline.MAX_ATTEMPTS; pass++) {
            assertThatThrownBy(reader::readOnce).hasMessageContaining("Packet for query is too large");
            assertThat(bodies()).isEmpty();
        }
        assertThat(reader.readOnce()).isEqualTo(2);

        assertThat(bodies()).containsExactly("The next one.");
        assertThat(outcome("message_id = '<too-big@x>'")).isZero();
        assertThat(supportInboxSize()).as("the refused mail stays in the mailbox").isEqualTo(2);
        assertThat(reader.readOnce()).isZero();
    }

    @Test
    void aMailWithPagesOfNotesIsStillRecordedAndApplied() throws Exception {
        claimedTicketMailedToBob();
        StringBuilder raw = new StringBuilder("From: " + bob.email() + "\nTo: " + claimedMail.replyTo()
                + "\nSubject: Re: x\nMessage-ID: <many-notes@x>\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\n\n");
        for (int part = 0; part < 8; part++) {
            raw.append("--b1\nContent-Type: text/plain; charset=\"x-").append("ü".repeat(5000)).append(part)
                    .append("\"\n\n").append(part == 0 ? "Many odd charsets." : "").append("\n");
        }
        deliverToSupport(raw.append("--b1--\n").toString());

        assertThat(reader.readOnce()).isEqualTo(1);

        assertThat(bodies()).containsExactly("Many odd charsets.");
        assertThat(outcome("message_id = '<many-notes@x>' AND outcome = 'applied' AND note LIKE 'unknown charset%'"))
                .isEqualTo(1);
    }

    @Test
    void aMessageRefusedWhileTheDatabaseIsDownIsNeverSkipped() throws Exception {
        claimedTicketMailedToBob();
        sql("CREATE TABLE test_outage (down INT) ENGINE=MEMORY"); // not rolled back with the refused insert
        whenInserted("inbound_emails", "NEW.message_id = '<outage@x>'", "INSERT INTO test_outage VALUES (1);"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'database went away'");
        sql("CREATE TRIGGER test_outage_leases BEFORE UPDATE ON mail_leases FOR EACH ROW BEGIN"
                + " IF EXISTS (SELECT 1 FROM test_outage) THEN SIGNAL SQLSTATE '45000'"
                + " SET MESSAGE_TEXT = 'database still away'; END IF; END");
        deliverToSupport(Emails.plain(bob.email(), claimedMail.replyTo(), "Re: x", "<outage@x>", null, "",
                "Sent during the outage."));
        deliverToSupport(reply("Sent after it."));
        try {
            for (int pass = 1; pass <= InboundPipeline.MAX_ATTEMPTS + 1; pass++) {
                sql("DELETE FROM test_outage"); // the database is back at the start of each pass, then goes again
                assertThatThrownBy(reader::readOnce).hasMessageContaining("database went away");
            }
        } finally {
            sql("DROP TRIGGER test_outage_leases");
            sql("DROP TABLE test_outage");
            healInserts("inbound_emails");
        }

        assertThat(reader.readOnce()).isEqualTo(2);

        assertThat(bodies()).containsExactly("Sent during the outage.", "Sent after it.");
    }

    @Test
    void aMessageAnotherDeliveryIsStillHandlingIsReadAgainOnceThatOneIsDone() throws Exception {
        claimedTicketMailedToBob();
        String id = Emails.newMessageId();
        sql("INSERT INTO inbound_emails (message_id, received_at, outcome, attempts)"
                + " VALUES (?, UTC_TIMESTAMP(6), 'processing', 1)", id);
        deliverToSupport(Emails.plain(bob.email(), claimedMail.replyTo(), "Re: x", id, null, "", "Handled elsewhere."));
        deliverToSupport(reply("Sent after it."));

        assertThat(reader.readOnce()).isZero();

        assertThat(bodies()).isEmpty();
        sql("UPDATE inbound_emails SET outcome = 'applied' WHERE message_id = ?", id);
        assertThat(reader.readOnce()).isEqualTo(2);
        assertThat(bodies()).containsExactly("Sent after it.");
        assertThat(outcome("outcome = 'processing'")).isZero();
    }

    @Test
    void aReaderThatLosesItsLeaseMidwayStopsReadingAndTheNewHolderGoesOnFromThere() throws Exception {
        claimedTicketMailedToBob();
        whenInserted("inbound_emails", "NEW.message_id = '<lease-lost@x>'", "UPDATE mail_leases"
                + " SET holder = 'another-instance', expires_at = '2999-01-01' WHERE lease_name = 'imap-reader'");
        deliverToSupport(Emails.plain(bob.email(), claimedMail.replyTo(), "Re: x", "<lease-lost@x>", null, "",
                "Read before the lease was lost."));
        deliverToSupport(reply("Second."));
        deliverToSupport(reply("Third."));

        try {
            assertThat(reader.readOnce()).isEqualTo(1);

            assertThat(bodies()).containsExactly("Read before the lease was lost.");
            assertThat(reader.readOnce()).isEqualTo(-1);
        } finally {
            sql("UPDATE mail_leases SET holder = NULL, expires_at = '1970-01-01' WHERE lease_name = 'imap-reader'");
        }
        assertThat(reader.readOnce()).isEqualTo(2);
        assertThat(bodies()).containsExactly("Read before the lease was lost.", "Second.", "Third.");
    }

    @Test
    void theCursorNeverMovesBackwards() {
        cursors.advance("cursor-test", 7, 5);
        cursors.advance("cursor-test", 7, 3); // a late reader that lost its lease

        assertThat(cursors.lastUid("cursor-test", 7)).isEqualTo(5);
        assertThat(db.count("SELECT COUNT(*) FROM mail_imap_cursors WHERE mailbox = 'cursor-test' AND last_uid = 5"))
                .isEqualTo(1);
        cursors.advance("cursor-test", 8, 2); // the server renumbered the mailbox: a new UIDVALIDITY starts afresh
        assertThat(cursors.lastUid("cursor-test", 8)).isEqualTo(2);
    }

    private String reply(String text) {
        return Emails.plain(bob.email(), claimedMail.replyTo(), "Re: x", Emails.newMessageId(), null, "", text);
    }

    private String withAttachments(String to, String subject, String text) {
        String huge = Base64.getMimeEncoder().encodeToString(new byte[20 * 1024 * 1024]);
        String photo = Base64.getMimeEncoder().encodeToString(new byte[300]);
        return "From: " + bob.email() + "\nTo: " + to + "\nSubject: " + subject + "\nMessage-ID: "
                + Emails.newMessageId() + "\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n"
                + "--b1\nContent-Type: text/plain; charset=utf-8\n\n" + text + "\n"
                + "--b1\nContent-Type: image/png\nContent-Disposition: attachment; filename=\"photo.png\"\n"
                + "Content-Transfer-Encoding: base64\n\n" + photo + "\n"
                + "--b1\nContent-Type: text/plain\nContent-Disposition: attachment; filename=\"huge.log\"\n"
                + "Content-Transfer-Encoding: base64\n\n" + huge + "\n--b1--\n";
    }

    private Store mailClient() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", greenMail.getImap().getPort(), "support", "support-pw");
        return store;
    }

    private int supportInboxSize() throws Exception {
        try (Store other = mailClient()) {
            Folder inbox = other.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            return inbox.getMessageCount();
        }
    }

    private long outcome(String where) {
        return db.count("SELECT COUNT(*) FROM inbound_emails WHERE " + where);
    }

    private List<String> bodies() {
        return messages.forTicket(ticket.id()).stream().map(ticketdesk.core.message.Message::body).toList();
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
