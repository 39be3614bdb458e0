package ticketdesk.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ticketdesk.core.testing.World;
import ticketdesk.core.user.ManagingUsers;
import ticketdesk.core.user.User;

/** The README's zero-configuration start runs on embedded H2: every panel query must work there too. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PanelOnH2Test implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("datasources.default.url", "jdbc:h2:mem:panel" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        p.put("datasources.default.username", "sa");
        p.put("datasources.default.password", "");
        p.put("datasources.default.driver-class-name", "org.h2.Driver");
        p.put("flyway.datasources.default.enabled", "true");
        p.put("ticketdesk.outbox.enabled", "false");
        return p;
    }

    @Test
    void everyPageAndTheExportWorkOnH2() {
        World world = new World(context);
        User admin = world.admin("Hattie Admin");
        context.getBean(ManagingUsers.class).setPassword(admin.id(), "h2 password");
        User holder = world.responder("Hal Holder");
        world.claimedTicket(world.employee("Em Employee"), holder);

        Http http = new Http(server.getURI());
        assertThat(http.signIn(admin.email(), "wrong").statusCode()).isEqualTo(401);
        assertThat(http.signIn(admin.email(), "h2 password").statusCode()).isEqualTo(303);
        Map<String, String> pages = Map.of("/admin", "Hal Holder",
                "/admin/users?q=Hal&role=responder&active=yes", "Hal Holder",
                "/admin/tickets?status=in_process&responder=Hal&text=printer&sort=priority&dir=asc", "printer broken",
                "/admin/tickets/1", "Hal Holder",
                "/admin/audit?actor=Hal&type=claimed&from=2020-01-01&to=2100-01-01", "Hal Holder",
                "/admin/audit?actor=system", "No event matches.",
                "/admin/users/" + holder.id(), "Hal Holder");
        pages.forEach((page, shown) -> {
            HttpResponse<String> response = http.get(page);
            assertThat(response.statusCode()).as(page + "\n" + response.body()).isEqualTo(200);
            assertThat(response.body()).as(page).contains(shown);
        });
        assertThat(http.get("/admin/users?q=Hal").body()).contains("Hal Holder");
        assertThat(http.get("/admin/tickets?responder=Hal").body()).contains("printer broken");
        assertThat(http.get("/admin/audit/export.csv?actor=Hal").body()).contains("claimed", "Hal Holder");

        assertThat(http.get("/admin/deliveries").statusCode()).isEqualTo(200);
        assertThat(http.get("/admin/tokens").statusCode()).isEqualTo(200);
        String token = ((ticketdesk.core.token.TokenResult.Issued) context.getBean(ticketdesk.core.token.ApiTokens.class)
                .issue("h2", holder.id(), null)).secret();
        for (String call : new String[] {"/api/v1/tickets?status=in_process&text=printer", "/api/v1/tickets/1"}) {
            HttpResponse<String> answer = http.get(call, "Authorization", "Bearer " + token);
            assertThat(answer.statusCode()).as(call + "\n" + answer.body()).isEqualTo(200);
            assertThat(answer.body()).as(call).contains("printer broken");
        }

        String csrf = Http.csrfOf(http.get("/admin/users/" + holder.id()).body()).orElseThrow();
        HttpResponse<String> deactivated = http.postForm("/admin/users/" + holder.id() + "/deactivate",
                Map.of("_csrf", csrf));
        assertThat(deactivated.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("done=deactivated&returned=1"));
        assertThat(http.get("/admin/audit/admin?type=deactivated&user=Hal").body()).contains("Hattie Admin");
        assertThat(http.get("/admin/audit/admin/export.csv?actor=Hattie").body()).contains("deactivated");
        mailIsAppliedAndFilesDownloadOnH2(http);
    }

    private void mailIsAppliedAndFilesDownloadOnH2(Http http) {
        String raw = "From: Nina New <nina@new.example>\r\nSubject: hello from H2\r\nMessage-ID: <h2-1@new.example>\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nFirst mail.\r\n";
        context.getBean(ticketdesk.mail.inbound.InboundPipeline.class).receive(raw.getBytes(), "imap");
        assertThat(http.get("/admin/mail").body()).contains("nina@new.example", "unknown sender");
        String csrf = Http.csrfOf(http.get("/admin/mail/1").body()).orElseThrow();
        HttpResponse<String> applied = http.postForm("/admin/mail/1/sender", Map.of("_csrf", csrf,
                "seen", "unknown_sender", "displayName", "Nina New", "role", "employee"));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(303);
        assertThat(http.get("/admin/mail/1").body()).contains("applied by Hattie Admin", "opened a ticket");

        var posting = context.getBean(ticketdesk.core.message.PostingMessage.class);
        User nina = context.getBean(ticketdesk.core.user.UserDirectory.class).byEmail("nina@new.example").orElseThrow();
        byte[] file = new byte[1_200_000];
        new java.util.Random(1).nextBytes(file);
        posting.post(new ticketdesk.core.message.PostMessage(2, nina.id(), "file", ticketdesk.core.Channel.EMAIL,
                "<h2-2@new.example>", java.util.List.of(new ticketdesk.core.message.Attachment("f.bin",
                        "application/octet-stream", file.length, file))));
        HttpResponse<byte[]> download = http.download("/admin/attachments/1");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(file);
    }
}
