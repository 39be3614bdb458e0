package ticketdesk.app.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml against what the README and the file's own header promise: every setting of the
 * configuration table reaches ticketdesk under its own name, the stack starts with exactly the secrets the
 * README asks for, and the services keep their healthchecks. ComposeMailRoundTripIT runs its mail.
 */
class ComposeFileTest {

    private final ComposeFile compose = ComposeFile.read();
    private final Readme readme = Readme.read();

    @Test
    void everySettingOfTheReadmeTableReachesTicketdeskUnderItsOwnName() {
        assertThat(compose.environmentNames("ticketdesk")).containsAll(readme.configurationVariables());
        for (String name : readme.configurationVariables()) {
            String declared = compose.declared("ticketdesk", name);
            assertThat(declared == null || declared.startsWith("${" + name + ":-") || declared.equals("${" + name + "}"))
                    .as("%s is passed through from the shell, with at most a default: %s", name, declared).isTrue();
        }
    }

    @Test
    void ticketdeskIsGivenNoVariableTheReadmeTableLeavesOut() {
        assertThat(readme.configurationVariables()).containsAll(compose.environmentNames("ticketdesk"));
    }

    @Test
    void theStackStartsWithTheSecretsTheReadmeAsksForAndStopsWithoutAnyOfThem() {
        Set<String> asked = requiredIn(readme.section("## Deploying with docker compose"));
        assertThat(asked).isNotEmpty().isEqualTo(compose.requiredVariables()).isEqualTo(requiredIn(compose.header()));

        compose.interpolateAll(secrets(asked));
        for (String secret : asked) {
            Map<String, String> shell = secrets(asked);
            shell.remove(secret);
            Interpolation.Missing missing = catchThrowableOfType(Interpolation.Missing.class,
                    () -> compose.interpolateAll(shell));
            assertThat(missing).as("without " + secret).isNotNull();
            assertThat(missing.variable).isEqualTo(secret);
        }
    }

    @Test
    void nothingTheHeaderOrTheReadmeCallsOptionalIsRequired() {
        Set<String> optional = Readme.exportedOnLinesMarked(compose.header(), "optional");
        optional.addAll(Readme.exportedOnLinesMarked(readme.section("## Deploying with docker compose"), "optional"));
        assertThat(optional).isNotEmpty().doesNotContainAnyElementsOf(compose.requiredVariables());
    }

    @Test
    void theMailServiceListensWhereTicketdeskLooksAndIsPublishedToThisMachineOnly() {
        Map<String, String> shell = secrets(compose.requiredVariables());
        Map<String, String> mail = compose.environment("mail", shell);
        Map<String, String> ticketdesk = compose.environment("ticketdesk", shell);

        assertThat(ticketdesk).containsEntry("MAIL_SMTP_HOST", "mail").containsEntry("MAIL_IMAP_HOST", "mail")
                .containsEntry("MAIL_SMTP_PORT", mail.get("DEVMAIL_SMTP_PORT"))
                .containsEntry("MAIL_IMAP_PORT", mail.get("DEVMAIL_IMAP_PORT"))
                .containsEntry("MAIL_FROM", mail.get("DEVMAIL_SUPPORT_ADDRESS"))
                .containsEntry("MAIL_IMAP_USER", mail.get("DEVMAIL_SUPPORT_ADDRESS"))
                .containsEntry("MAIL_IMAP_PASSWORD", mail.get("DEVMAIL_SUPPORT_PASSWORD"));
        assertThat(compose.ports("mail", shell)).containsExactlyInAnyOrder(
                "127.0.0.1:3025:" + mail.get("DEVMAIL_SMTP_PORT"), "127.0.0.1:3143:" + mail.get("DEVMAIL_IMAP_PORT"),
                "127.0.0.1:8025:" + mail.get("DEVMAIL_WEB_PORT"));
    }

    @Test
    void aRealProvidersSettingsReplaceTheLocalMailServersWithoutEditingTheFile() {
        Map<String, String> shell = secrets(compose.requiredVariables());
        shell.putAll(Map.of("MAIL_FROM", "help@acme.example", "MAIL_SMTP_HOST", "smtp.acme.example",
                "MAIL_SMTP_PORT", "587", "MAIL_SMTP_STARTTLS", "true", "MAIL_IMAP_HOST", "imap.acme.example",
                "MAIL_IMAP_PORT", "993", "MAIL_IMAP_SSL", "true", "MAIL_IMAP_USER", "help@acme.example",
                "MAIL_IMAP_PASSWORD", "provider-password"));
        assertThat(compose.environment("ticketdesk", shell)).containsAllEntriesOf(shell.entrySet().stream()
                .filter(e -> e.getKey().startsWith("MAIL_"))
                .collect(HashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), HashMap::putAll));
        assertThat(compose.environment("mail", shell).values()).doesNotContain("provider-password");
    }

    @Test
    void everyServiceKeepsItsHealthcheckAndTicketdeskWaitsForTheOthersToBeHealthy() {
        for (String service : compose.services()) {
            assertThat(compose.service(service)).as(service).containsKey("healthcheck");
        }
        Map<String, Object> dependsOn = ComposeFile.section(compose.service("ticketdesk"), "depends_on");
        assertThat(dependsOn.keySet()).containsExactlyInAnyOrder("mysql", "mail");
        dependsOn.values().forEach(d -> assertThat(d).isEqualTo(Map.of("condition", "service_healthy")));
    }

    @Test
    void interpolationFollowsComposesRules() {
        Map<String, String> shell = Map.of("SET", "value", "EMPTY", "");
        assertThat(Interpolation.resolve("${SET:-x} ${EMPTY:-x} ${EMPTY-x} ${UNSET-x} $SET $$SET", shell))
                .isEqualTo("value x  x value $SET");
        assertThat(Interpolation.resolve("${UNSET:-${EMPTY:-${SET}}}-${SET:+alt}${UNSET:+alt}", shell))
                .isEqualTo("value-alt");
        assertThat(Interpolation.resolve("${SET:-${UNSET:?never evaluated}}", shell)).isEqualTo("value");
        assertThatThrownBy(() -> Interpolation.resolve("${EMPTY:?set EMPTY}", shell))
                .isInstanceOf(Interpolation.Missing.class).hasMessage("EMPTY: set EMPTY");
        assertThat(Interpolation.resolve("${EMPTY?set EMPTY}", shell)).isEmpty();
    }

    private static Set<String> requiredIn(List<String> lines) {
        return Readme.exportedOnLinesMarked(lines, "required");
    }

    private static Map<String, String> secrets(Set<String> names) {
        Map<String, String> shell = new HashMap<>();
        names.forEach(name -> shell.put(name, "secret-of-" + name.toLowerCase()));
        return shell;
    }
}
