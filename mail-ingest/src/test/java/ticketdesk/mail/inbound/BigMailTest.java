package ticketdesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.User;
import ticketdesk.mail.BigEmail;
import ticketdesk.mail.Emails;
import ticketdesk.mail.Emails.Answering;
import ticketdesk.mail.MailSettings;
import ticketdesk.mail.MailTest;

/**
 * Mail up to the documented 30 MB arrives through {@code POST /mail/inbound} and IMAP, streamed, with its
 * attachments stored byte for byte; a larger one is refused with 413 and leaves nothing behind. The server's
 * request limit is app's (application.yml), not the generous one of the other mail tests.
 */
@MicronautTest(transactional = false)
class BigMailTest extends MailTest {

    private static final long MB = 1024 * 1024;

    @Inject EmbeddedServer server;
    @Inject ImapReader imap;
    @Inject MailSettings settings;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Path file;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("micronaut.server.max-request-size", "64MB");
    }

    @AfterEach
    void deleteFile() throws Exception {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aReplyOfAlmostThirtyMegabytesOverTheWebhookLandsWithItsAttachmentsByteForByte() throws Exception {
        Claimed claimed = claimedTicketMailedToBob();
        BigEmail mail = bigReply(claimed, Emails.newMessageId());
        assertThat(mail.size()).isBetween(29 * MB, 30 * MB);

        HttpResponse<String> answer = post(HttpRequest.BodyPublishers.ofFile(mail.path()));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"outcome\":\"applied\"");
        assertStoredByteForByte(claimed.ticket(), mail);
    }

    @Test
    void theSameSizeReadOverImapLandsWithItsAttachmentsByteForByte() throws Exception {
        Claimed claimed = claimedTicketMailedToBob();
        BigEmail mail = bigReply(claimed, Emails.newMessageId());
        deliverToSupport(Files.readAllBytes(mail.path()));

        assertThat(imap.readOnce()).isEqualTo(1);

        assertStoredByteForByte(claimed.ticket(), mail);
    }

    @Test
    void aMessageOverTheLimitIsAnswered413WithAReasonAndLeavesNoTrace() throws Exception {
        Claimed claimed = claimedTicketMailedToBob();
        BigEmail mail = BigEmail.write(file = Files.createTempFile("big", ".eml"), headers(claimed,
                Emails.newMessageId()), "Too much.", 23 * MB);
        long rows = db.count("SELECT COUNT(*) FROM inbound_emails");

        HttpResponse<String> withLength = post(HttpRequest.BodyPublishers.ofFile(mail.path()));
        HttpResponse<String> chunked = post(HttpRequest.BodyPublishers.ofInputStream(() -> open(mail.path())));

        for (HttpResponse<String> answer : List.of(withLength, chunked)) {
            assertThat(answer.statusCode()).isEqualTo(413);
            assertThat(answer.body()).contains("larger than 31457280 bytes (MAIL_INBOUND_MAX_SIZE)");
            assertThat(answer.headers().firstValue("Connection")).as("a client still sending learns at once")
                    .hasValue("close");
        }
        assertThat(db.count("SELECT COUNT(*) FROM inbound_emails")).isEqualTo(rows);
        assertThat(db.count("SELECT COUNT(*) FROM message_attachments")).isZero();
    }

    @Test
    void aMessageOverTheLimitInTheMailboxIsRecordedAsTooLargeAndNotApplied() throws Exception {
        Claimed claimed = claimedTicketMailedToBob();
        String id = Emails.newMessageId();
        BigEmail mail = BigEmail.write(file = Files.createTempFile("big", ".eml"), headers(claimed, id),
                "Too much.", 2 * MB);
        deliverToSupport(Files.readAllBytes(mail.path()));
        long limit = settings.getInboundMaxSize();
        settings.setInboundMaxSize(MB);
        try {
            assertThat(imap.readOnce()).isEqualTo(1);
        } finally {
            settings.setInboundMaxSize(limit);
        }

        assertThat(db.count("SELECT COUNT(*) FROM inbound_emails WHERE message_id = ? AND outcome = 'too_large'"
                + " AND error LIKE '%MAIL_INBOUND_MAX_SIZE%'", id)).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE ticket_id = ?", claimed.ticket().id())).isZero();
    }

    private record Claimed(User bob, Ticket ticket, Answering mail) {
    }

    private Claimed claimedTicketMailedToBob() throws Exception {
        User bob = world.employee("Bob");
        Ticket ticket = world.claimedTicket(bob, world.responder("Alice"));
        MimeMessage claimed = deliveredTo(bob.email()).get(0);
        greenMail.purgeEmailFromAllMailboxes();
        return new Claimed(bob, ticket, Answering.to(claimed));
    }

    /** Three scans of 7.25 MB, each under MAIL_MAX_ATTACHMENT_SIZE: 29.8 MB once in base64. */
    private BigEmail bigReply(Claimed claimed, String messageId) throws Exception {
        file = Files.createTempFile("big", ".eml");
        return BigEmail.write(file, headers(claimed, messageId), "The three scans you asked for.",
                29 * MB / 4, 29 * MB / 4, 29 * MB / 4);
    }

    private static String headers(Claimed claimed, String messageId) {
        return "From: Bob <" + claimed.bob().email() + ">\nTo: " + claimed.mail().replyTo() + "\nSubject: Re: "
                + claimed.mail().subject() + "\nMessage-ID: " + messageId + "\nDate: Mon, 23 Nov 2026 10:20:00 +0000\n";
    }

    private void assertStoredByteForByte(Ticket ticket, BigEmail mail) {
        for (BigEmail.File sent : mail.files()) {
            assertThat(db.count("SELECT COUNT(*) FROM message_attachments a JOIN messages m ON m.id = a.message_id"
                    + " WHERE m.ticket_id = ? AND a.file_name = ? AND a.size_bytes = ? AND LENGTH(a.content) = ?"
                    + " AND SHA2(a.content, 256) = ?", ticket.id(), sent.name(), sent.size(), sent.size(),
                    sent.sha256())).as(sent.name()).isEqualTo(1);
        }
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(server.getURI().resolve("/mail/inbound"))
                .header("Content-Type", "message/rfc822").header("Authorization", "Bearer " + INBOUND_TOKEN)
                .timeout(java.time.Duration.ofSeconds(30)).POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static InputStream open(Path path) {
        try {
            return Files.newInputStream(path);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
