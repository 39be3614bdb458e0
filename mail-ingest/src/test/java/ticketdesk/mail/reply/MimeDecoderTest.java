package ticketdesk.mail.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import ticketdesk.mail.MailSettings;

class MimeDecoderTest {

    private final MimeDecoder decoder = decoder(1024);

    @Test
    void quotedPrintableLatin1IsDecoded() {
        ParsedMail mail = decode("""
                From: =?ISO-8859-1?Q?J=FCrgen?= <juergen@example.com>
                To: support@ticketdesk.test
                Subject: =?UTF-8?B?RHJ1Y2tlciBrYXB1dHQ=?=
                Message-ID: <q1@example.com>
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: quoted-printable

                Der Drucker ist kaputt, sagt J=FCrgen.
                """);
        assertThat(mail.from()).isEqualTo("juergen@example.com");
        assertThat(mail.fromName()).isEqualTo("Jürgen");
        assertThat(mail.subject()).isEqualTo("Drucker kaputt");
        assertThat(mail.text()).contains("sagt Jürgen.");
        assertThat(mail.notes()).isEmpty();
    }

    @Test
    void anUnknownCharsetIsDecodedBestEffortWithANote() {
        ParsedMail mail = decode("""
                From: bob@example.com
                Message-ID: <c1@example.com>
                Content-Type: text/plain; charset=x-klingon-9
                Content-Transfer-Encoding: base64

                """ + Base64.getMimeEncoder().encodeToString("Grüße".getBytes(StandardCharsets.UTF_8)) + "\n");
        assertThat(mail.text()).contains("Grüße");
        assertThat(mail.notes()).singleElement().asString().contains("x-klingon-9");
        assertThat(mail.malformed()).isNull();
    }

    @Test
    void htmlOnlyMailBecomesText() {
        ParsedMail mail = decode("""
                From: bob@example.com
                Content-Type: text/html; charset=utf-8

                <html><body><p>Hello <b>there</b></p></body></html>
                """);
        assertThat(mail.text()).isEqualTo("Hello there");
        assertThat(mail.messageId()).isNull();
    }

    @Test
    void attachmentsAreKeptUpToTheLimitAndLargerOnesNoted() {
        String small = Base64.getMimeEncoder().encodeToString(new byte[100]);
        String large = Base64.getMimeEncoder().encodeToString(new byte[5000]);
        ParsedMail mail = decode("""
                From: bob@example.com
                Message-ID: <a1@example.com>
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8

                See attached.
                --b1
                Content-Type: image/png; name="small.png"
                Content-Disposition: attachment; filename="small.png"
                Content-Transfer-Encoding: base64

                """ + small + """

                --b1
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename="large.bin"
                Content-Transfer-Encoding: base64

                """ + large + """

                --b1--
                """);
        assertThat(mail.text().strip()).isEqualTo("See attached.");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("small.png");
            assertThat(a.contentType()).isEqualTo("image/png");
            assertThat(a.size()).isEqualTo(100);
            assertThat(bytes(a)).hasSize(100);
        });
        assertThat(mail.notes()).singleElement().asString().contains("large.bin").contains("skipped");
    }

    @Test
    void aBrokenMultipartIsMalformedNotAnException() {
        ParsedMail mail = decode("""
                From: bob@example.com
                Message-ID: <m1@example.com>
                Content-Type: multipart/mixed; boundary="never-used"

                no boundary anywhere in here
                """);
        assertThat(mail.malformed()).isNotNull();
        assertThat(mail.from()).isEqualTo("bob@example.com");
    }

    @Test
    void messageIdsOfInReplyToAndReferencesAreRead() {
        ParsedMail mail = decode("""
                From: Bob <bob@example.com>
                To: "Support" <support+t1-u2-abc@ticketdesk.test>, other@example.com
                In-Reply-To: <b@x>
                References: <a@x>
                 <b@x>
                Message-ID:
                Content-Type: text/plain

                hi
                """);
        assertThat(mail.messageId()).isNull();
        assertThat(mail.answeredIds()).containsExactly("<b@x>", "<a@x>");
        assertThat(mail.recipients()).containsExactly("support+t1-u2-abc@ticketdesk.test", "other@example.com");
    }

    private ParsedMail decode(String raw) {
        return decoder.decode(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static MimeDecoder decoder(long maxAttachment) {
        MailSettings settings = new MailSettings();
        settings.setMaxAttachmentSize(maxAttachment);
        return new MimeDecoder(settings);
    }

    private static byte[] bytes(ticketdesk.core.message.Attachment a) {
        try (var in = a.content().open()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
