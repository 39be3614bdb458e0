package ticketdesk.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ticketdesk.core.testing.DatabaseTest;

@MicronautTest(transactional = false)
class FirstAdminTest extends DatabaseTest {

    @Inject UserDirectory directory;
    @Inject Passwords passwords;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ticketdesk.admin.email", "Boss@Example.com", "ticketdesk.admin.password", "s3cret-pass");
    }

    @Test
    void theFirstAdminComesFromTheEnvironmentWithAHashedPassword() {
        User admin = directory.byEmail("boss@example.com").orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        String hash = directory.passwordHashOf(admin.id()).orElseThrow();
        assertThat(hash).doesNotContain("s3cret-pass");
        assertThat(passwords.verify("s3cret-pass", hash)).isTrue();
        assertThat(db.count("SELECT COUNT(*) FROM users WHERE role = 'admin'")).isEqualTo(1);
    }
}
