package ticketdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.Test;
import ticketdesk.core.testing.DatabaseTest;

@MicronautTest(transactional = false)
class MailStreamsTest extends DatabaseTest {

    @Test
    void jakartaMailIsToldItsStreamProviderSoItNeverScansTheClassPathForIt() {
        assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo(MailStreamProvider.class.getName());
    }
}
