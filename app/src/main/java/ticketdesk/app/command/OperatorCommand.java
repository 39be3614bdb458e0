package ticketdesk.app.command;

import io.micronaut.context.ApplicationContext;
import java.util.Set;

/**
 * One operator command of the jar ({@code java -jar ticketdesk.jar admin create EMAIL}). Its arguments are checked
 * before anything is opened; the work then runs against the service's own database and configuration, without the
 * HTTP server. A new command is one more class listed in {@link OperatorCommands#ALL}.
 */
interface OperatorCommand {

    /** The words that name the command, as typed: {@code admin reset-password}. */
    String name();

    /** What follows the name, for the usage text: {@code EMAIL [--stdin]}. */
    String arguments();

    /** One line on what it does. */
    String summary();

    /** The {@code --flags} it takes. */
    default Set<String> flags() {
        return Set.of();
    }

    /** The {@code --options} it takes, each followed by a value. */
    default Set<String> options() {
        return Set.of();
    }

    /** The work these arguments (those after the name) ask for; a usage error when they do not fit. */
    Work parse(Arguments arguments);

    /** A parsed command, ready to run; returns the process's exit status. */
    interface Work {
        int run(ApplicationContext context, Terminal terminal);
    }
}
