package ticketdesk.devmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The dev mail server over real sockets: SMTP in, IMAP and the caught-mail page out. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevMailTest {

    private static final String SUPPORT = "support@ticketdesk.example";
    private static final String PASSWORD = "devmail-test-password";

    private DevMail devMail;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws IOException {
        devMail = DevMail.start(Map.of("DEVMAIL_SUPPORT_ADDRESS", SUPPORT, "DEVMAIL_SUPPORT_PASSWORD", PASSWORD,
                "DEVMAIL_BIND_ADDRESS", "127.0.0.1", "DEVMAIL_SMTP_PORT", freePort(), "DEVMAIL_IMAP_PORT", freePort(),
                "DEVMAIL_WEB_PORT", freePort()));
    }

    @AfterAll
    void stop() {
        devMail.close();
    }

    @Test
    void mailToTheSupportAddressAndItsPlusAddressesLandsInTheSupportInboxOnly() throws Exception {
        send("bob@example.com", "support+t42-u7-0123456789abcdef0123@TicketDesk.example", "a reply by token", "thanks");
        send("bob@example.com", SUPPORT, "a new request", "printer jammed");

        assertThat(supportInboxSubjects()).contains("a reply by token", "a new request");
        assertThat(get("/").body()).doesNotContain("a reply by token").doesNotContain("a new request");
    }

    @Test
    void mailToAnyoneElseIsCaughtAndListedOnThePageInsteadOfRelayed() throws Exception {
        for (String to : List.of("alice@example.com", "support-team@ticketdesk.example", "support@elsewhere.example",
                "xsupport+1@ticketdesk.example")) {
            send(SUPPORT, to, "caught for " + to, "hello");
        }

        String page = get("/").body();
        assertThat(page).contains("caught for alice@example.com", "caught for support-team@ticketdesk.example",
                "caught for support@elsewhere.example", "caught for xsupport+1@ticketdesk.example");
        assertThat(supportInboxSubjects()).noneMatch(s -> s.startsWith("caught for"));
    }

    @Test
    void thePageEscapesWhatAMailSaysAndServesItsSourceAsPlainText() throws Exception {
        send(SUPPORT, "carol@example.com", "<script>alert(1)</script> & co", "<img src=x onerror=alert(2)>");

        HttpResponse<String> list = get("/");
        assertThat(list.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co").doesNotContain("<script>");
        assertThat(list.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; style-src 'unsafe-inline'");
        String link = list.body().replaceAll("(?s).*href=\"(/messages/\\d+)\">&lt;script.*", "$1");
        HttpResponse<String> one = get(link);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("&lt;img src=x onerror=alert(2)&gt;").doesNotContain("<img");
        HttpResponse<String> source = get(link + "/raw");
        assertThat(source.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(source.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(source.body()).contains("Subject: <script>alert(1)</script> & co");
        assertThat(get("/messages/999999").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyTheSupportAccountWithItsPasswordReadsMailOverImap() throws Exception {
        send(SUPPORT, "dave@example.com", "for dave", "hi");

        assertThatThrownBy(() -> imap(SUPPORT, "not-the-password")).isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> imap("dave@example.com", "dave@example.com"))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void healthAnswersUpAndThePageTakesNoWrites() throws Exception {
        assertThat(get("/health").body()).isEqualTo("UP\n");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(devMail.page().resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void aMissingOrMalformedSettingIsRefusedByItsName() {
        assertThatThrownBy(() -> DevMailSettings.from(Map.of("DEVMAIL_SUPPORT_PASSWORD", "x")))
                .hasMessage("set DEVMAIL_SUPPORT_ADDRESS");
        assertThatThrownBy(() -> DevMailSettings.from(Map.of("DEVMAIL_SUPPORT_ADDRESS", SUPPORT)))
                .hasMessage("set DEVMAIL_SUPPORT_PASSWORD");
        assertThatThrownBy(() -> DevMailSettings.from(Map.of("DEVMAIL_SUPPORT_ADDRESS", "support+x@a.example",
                "DEVMAIL_SUPPORT_PASSWORD", "x"))).hasMessageContaining("DEVMAIL_SUPPORT_ADDRESS must be a plain address");
        assertThatThrownBy(() -> DevMailSettings.from(Map.of("DEVMAIL_SUPPORT_ADDRESS", SUPPORT,
                "DEVMAIL_SUPPORT_PASSWORD", "x", "DEVMAIL_IMAP_PORT", "imap"))).hasMessageContaining("DEVMAIL_IMAP_PORT");
        DevMailSettings defaults = DevMailSettings.from(Map.of("DEVMAIL_SUPPORT_ADDRESS", SUPPORT,
                "DEVMAIL_SUPPORT_PASSWORD", "s3cr3t-pw"));
        assertThat(List.of(defaults.smtpPort(), defaults.imapPort(), defaults.webPort())).containsExactly(3025, 3143, 8025);
        assertThat(defaults.toString()).doesNotContain("s3cr3t-pw");
    }

    private void send(String from, String to, String subject, String body) throws MessagingException {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(devMail.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(p));
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        Transport.send(message);
    }

    private List<String> supportInboxSubjects() throws MessagingException {
        try (Store store = imap(SUPPORT, PASSWORD)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                subjects.add(m.getSubject());
            }
            return subjects;
        }
    }

    private Store imap(String user, String password) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", devMail.imapPort(), user, password);
        return store;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(devMail.page().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        }
    }
}
