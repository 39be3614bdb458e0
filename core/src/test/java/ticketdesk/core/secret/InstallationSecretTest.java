package ticketdesk.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ticketdesk.core.testing.DatabaseTest;

@MicronautTest(transactional = false)
class InstallationSecretTest extends DatabaseTest {

    @Inject InstallationSecret secret;

    @Test
    void withoutTicketdeskSecretEveryInstanceDerivesTheSameKeysFromOneStoredSecret() {
        byte[] here = secret.keyFor("mail-signing");
        Map<String, Object> props = new HashMap<>(db.properties());
        try (ApplicationContext other = ApplicationContext.run(props, "test")) {
            assertThat(other.getBean(InstallationSecret.class).keyFor("mail-signing")).isEqualTo(here);
        }
        assertThat(here).hasSize(32).isNotEqualTo(secret.keyFor("admin-session"));
        assertThat(db.count("SELECT COUNT(*) FROM settings WHERE setting_name = 'master-secret'"
                + " AND LENGTH(setting_value) = 64")).isEqualTo(1);
    }

    @Test
    void aConfiguredSecretIsUsedAndNothingIsStored() {
        Map<String, Object> props = new HashMap<>(db.properties());
        props.put("ticketdesk.secret", "a-configured-secret-of-enough-length");
        try (ApplicationContext configured = ApplicationContext.run(props, "test")) {
            assertThat(configured.getBean(InstallationSecret.class).keyFor("mail-signing"))
                    .isNotEqualTo(secret.keyFor("mail-signing"));
        }
    }
}
