package ticketdesk.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What the jar's command line answers before any database is opened: usage, and a database it cannot reach. */
class OperatorCommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Terminal terminal = new Terminal(new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            null);
    private static final Supplier<ApplicationContext> NEVER = () -> {
        throw new AssertionError("a usage error must not open the database");
    };

    @Test
    void noArgumentsOrFlagsOnlyStartTheServiceAndAWordNamesACommand() {
        assertThat(OperatorCommands.isCommand(new String[0])).isFalse();
        assertThat(OperatorCommands.isCommand(new String[] {"-Dx=y"})).isFalse();
        assertThat(OperatorCommands.isCommand(new String[] {"admin", "create", "a@b.c"})).isTrue();
        assertThat(OperatorCommands.isCommand(new String[] {"--help"})).isTrue();
    }

    @Test
    void helpListsEveryCommandWithItsArgumentsAndTheExitStatuses() {
        assertThat(OperatorCommands.run(List.of("help"), terminal, NEVER)).isZero();

        assertThat(text(out)).contains("admin create EMAIL [--name NAME] [--stdin]")
                .contains("admin reset-password EMAIL [--stdin]")
                .contains("token create --name NAME --user EMAIL")
                .contains("Exit status: 0 done, 1 refused or failed, 2 wrong usage.");
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithTheListOfCommands() {
        assertThat(OperatorCommands.run(List.of("token", "destroy"), terminal, NEVER)).isEqualTo(2);

        assertThat(text(err)).startsWith("ticketdesk: no command 'token destroy'\nUsage:")
                .contains("admin reset-password EMAIL");
    }

    @Test
    void aMissingEmailIsAUsageErrorThatShowsTheCommandsUsage() {
        assertThat(OperatorCommands.run(List.of("admin", "reset-password"), terminal, NEVER)).isEqualTo(2);

        assertThat(text(err)).isEqualTo("ticketdesk admin reset-password: missing EMAIL\n"
                + "Usage: java -jar ticketdesk.jar admin reset-password EMAIL [--stdin]\n");
    }

    @Test
    void anUnknownOptionOrASecondEmailIsAUsageError() {
        assertThat(OperatorCommands.run(List.of("admin", "create", "a@b.c", "--force"), terminal, NEVER))
                .isEqualTo(2);
        assertThat(OperatorCommands.run(List.of("admin", "create", "a@b.c", "d@e.f"), terminal, NEVER))
                .isEqualTo(2);
        assertThat(OperatorCommands.run(List.of("admin", "create", "a@b.c", "--name"), terminal, NEVER))
                .isEqualTo(2);

        assertThat(text(err)).contains("ticketdesk admin create: unknown option --force")
                .contains("ticketdesk admin create: one EMAIL only, got [a@b.c, d@e.f]")
                .contains("ticketdesk admin create: --name needs a value");
    }

    @Test
    void tokenCreateWantsBothItsNameAndItsUser() {
        assertThat(OperatorCommands.run(List.of("token", "create", "--name", "ci"), terminal, NEVER)).isEqualTo(2);
        assertThat(OperatorCommands.run(List.of("token", "create", "--user", "a@b.c"), terminal, NEVER)).isEqualTo(2);
        assertThat(OperatorCommands.run(List.of("token", "create", "--name", "ci", "--user", "a@b.c", "extra"),
                terminal, NEVER)).isEqualTo(2);

        assertThat(text(err)).contains("ticketdesk token create: missing --user EMAIL")
                .contains("ticketdesk token create: missing --name NAME")
                .contains("Usage: java -jar ticketdesk.jar token create --name NAME --user EMAIL");
    }

    @Test
    void aDatabaseThatCannotBeReachedIsAClearFailureNamingTheCause() {
        Supplier<ApplicationContext> unreachable = () -> {
            throw new IllegalStateException("Error instantiating bean of type [javax.sql.DataSource]",
                    new java.sql.SQLException("Could not connect to 127.0.0.1:3399 : Connection refused"));
        };

        assertThat(OperatorCommands.run(List.of("admin", "create", "a@b.c"), terminal, unreachable)).isEqualTo(1);
        assertThat(text(err)).isEqualTo("ticketdesk admin create: failed: Could not connect to 127.0.0.1:3399 :"
                + " Connection refused\n");
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
