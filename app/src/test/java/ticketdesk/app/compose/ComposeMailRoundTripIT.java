package ticketdesk.app.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.testing.TestDatabase;
import ticketdesk.core.testing.World;
import ticketdesk.core.user.User;
import ticketdesk.devmail.DevMail;
import ticketdesk.mail.Emails;

/**
 * The compose stack's mail, end to end and without Docker: the compose {@code mail} service's own class
 * ({@link DevMail}) started with the environment docker-compose.yml gives it, and the packaged jar with the
 * environment the file gives ticketdesk, both for a shell holding only the secrets the README asks for.
 * Changed is only what Docker supplies: the {@code mail} host name and the listening ports (free ones, so
 * runs never collide), and the database (this test's own). A requester mails the support address, the
 * notification is caught on the mail page, and the reply to its Reply-To lands in {@code messages}.
 */
class ComposeMailRoundTripIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern CAUGHT_ROW = Pattern.compile(
            "<tr><td>[^<]*</td><td>([^<]*)</td><td>[^<]*</td><td><a href=\"/messages/(\\d+)\">([^<]*)</a>");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aMailedRequestsNotificationIsCaughtAndTheReplyToItLandsInTheTicket() throws Exception {
        ComposeFile compose = ComposeFile.read();
        Map<String, String> shell = new HashMap<>();
        Readme.exportedOnLinesMarked(Readme.read().section("## Deploying with docker compose"), "required")
                .forEach(name -> shell.put(name, "compose-it-" + name.toLowerCase()));
        Map<String, String> mailEnv = new HashMap<>(compose.environment("mail", shell));
        Map<String, String> composed = compose.environment("ticketdesk", shell);
        assertThat(composed).containsEntry("MAIL_SMTP_HOST", "mail").containsEntry("MAIL_IMAP_HOST", "mail")
                .containsEntry("MAIL_SMTP_PORT", mailEnv.get("DEVMAIL_SMTP_PORT"))
                .containsEntry("MAIL_IMAP_PORT", mailEnv.get("DEVMAIL_IMAP_PORT"));
        for (String port : List.of("DEVMAIL_SMTP_PORT", "DEVMAIL_IMAP_PORT", "DEVMAIL_WEB_PORT")) {
            mailEnv.put(port, freePort());
        }
        TestDatabase db = TestDatabase.fresh();
        try (DevMail mail = DevMail.start(mailEnv)) {
            User bob = requester(db);
            Map<String, String> env = new HashMap<>(composed);
            env.putAll(Map.of("MAIL_SMTP_HOST", "127.0.0.1", "MAIL_SMTP_PORT", Integer.toString(mail.smtpPort()),
                    "MAIL_IMAP_HOST", "127.0.0.1", "MAIL_IMAP_PORT", Integer.toString(mail.imapPort()),
                    "MICRONAUT_SERVER_PORT", freePort(), "DATASOURCES_DEFAULT_URL", db.url(),
                    "DATASOURCES_DEFAULT_USERNAME", TestDatabase.USER, "DATASOURCES_DEFAULT_PASSWORD", TestDatabase.PASSWORD));
            try (PackagedJar app = PackagedJar.start(env, List.of("-XX:+UseSerialGC", "-Xmx192m", "-XX:TieredStopAtLevel=1"))) {
                assertThat(app.awaitHealthy(PATIENCE)).as(app.output()).isTrue();

                send(mail, Emails.wire(Emails.plain(bob.email(), composed.get("MAIL_FROM"), "Laptop will not boot",
                        Emails.newMessageId(), null, "", "It shows a blinking cursor.")), composed.get("MAIL_FROM"));
                long ticket = eventually("the ticket opened by the mail", app, () -> Optional.of(db.count(
                        "SELECT COALESCE(MAX(id), 0) FROM tickets WHERE title = 'Laptop will not boot' AND requester_id = ?",
                        bob.id())).filter(id -> id > 0));

                MimeMessage notification = eventually("the requester's notification on the mail page", app,
                        () -> caught(mail, bob.email(), "[#" + ticket + "]"));
                Emails.Answering answering = Emails.Answering.to(notification);
                assertThat(answering.replyTo()).startsWith("support+t" + ticket + "-");
                send(mail, Emails.wire(Emails.gmailReply(bob.email(), answering, Emails.newMessageId(),
                        "It boots again after a BIOS reset.")), answering.replyTo());

                eventually("the reply in messages", app, () -> Optional.of(db.count("SELECT COUNT(*) FROM messages"
                        + " WHERE ticket_id = ? AND channel = ? AND body = 'It boots again after a BIOS reset.'", ticket,
                        Channel.EMAIL.db())).filter(n -> n == 1));
                assertThat(caught(mail, bob.email(), "Re: ")).as("the reply went to the support mailbox").isEmpty();
            }
        } finally {
            db.drop();
        }
    }

    /** A requester made through the real use case, on the database the jar then migrates further and uses. */
    private static User requester(TestDatabase db) {
        try (ApplicationContext context = ApplicationContext.run(new HashMap<>(db.properties()))) {
            return new World(context).employee("Bob");
        }
    }

    private static void send(DevMail mail, byte[] raw, String to) throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(mail.smtpPort()));
        Session session = Session.getInstance(p);
        try (Transport smtp = session.getTransport("smtp")) {
            smtp.connect();
            smtp.sendMessage(new MimeMessage(session, new ByteArrayInputStream(raw)), InternetAddress.parse(to));
        }
    }

    /** The caught mail to this address whose subject starts so, read from the page and its source. */
    private Optional<MimeMessage> caught(DevMail mail, String to, String subjectStart) throws Exception {
        String page = get(mail.page()).body();
        Matcher row = CAUGHT_ROW.matcher(page);
        while (row.find()) {
            if (row.group(1).equalsIgnoreCase(to) && row.group(3).startsWith(subjectStart)) {
                HttpResponse<byte[]> source = http.send(HttpRequest.newBuilder(
                        mail.page().resolve("/messages/" + row.group(2) + "/raw")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                return Optional.of(new MimeMessage(Session.getInstance(new Properties()),
                        new ByteArrayInputStream(source.body())));
            }
        }
        return Optional.empty();
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private interface Probe<T> {
        Optional<T> look() throws Exception;
    }

    private static <T> T eventually(String what, PackagedJar app, Probe<T> probe) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> seen = probe.look();
            if (seen.isPresent()) {
                return seen.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + ": not seen within " + PATIENCE + "; the service's log:\n" + app.output());
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        }
    }
}
