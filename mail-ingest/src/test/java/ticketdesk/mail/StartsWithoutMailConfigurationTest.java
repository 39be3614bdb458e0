package ticketdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.outbox.Notifier;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.mail.inbound.ImapReader;
import ticketdesk.mail.outbound.ReplyTokens;

@MicronautTest(transactional = false)
class StartsWithoutMailConfigurationTest extends DatabaseTest {

    @Inject ApplicationContext context;
    @Inject @Client("/") HttpClient http;
    @Inject ReplyTokens tokens;

    /** What an application.yml with {@code ${MAIL_SMTP_HOST:}} gives when the variable is not set. */
    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("mail.smtp.host", "", "mail.imap.host", "", "mail.inbound-token", "");
    }

    @Test
    void withNothingConfiguredNoMailIsSentOrReadAndTheWebhookSaysSo() {
        assertThat(context.getBeansOfType(Notifier.class)).noneMatch(n -> n.channel() == Channel.EMAIL);
        assertThat(context.findBean(ImapReader.class)).isEmpty();
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.POST("/mail/inbound", "From: a@b.c\r\n\r\nhi")
                .contentType("message/rfc822").header("Authorization", "Bearer anything"), Map.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(503));
    }

    @Test
    void withoutTicketdeskSecretASecretIsGeneratedOnceAndShared() {
        String replyTo = tokens.replyTo(42, 7);
        assertThat(tokens.read(List.of(replyTo))).contains(new ReplyTokens.Token(42, 7));
        assertThat(db.count("SELECT COUNT(*) FROM settings WHERE setting_name = 'master-secret'"
                + " AND LENGTH(setting_value) = 64")).isEqualTo(1);
    }
}
