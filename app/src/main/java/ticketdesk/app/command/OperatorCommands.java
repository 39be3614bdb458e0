package ticketdesk.app.command;

import io.micronaut.context.ApplicationContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import ticketdesk.core.Refusal;
import ticketdesk.core.user.FirstAdmin;

/**
 * The jar's operator commands ({@code java -jar ticketdesk.jar admin reset-password EMAIL}): finds the command by its
 * words, checks its arguments, then runs it in a Micronaut context with the service's configuration and database
 * (Flyway migrates first) but no HTTP server and none of the service's background work, and returns the exit status.
 */
public final class OperatorCommands {

    static final List<OperatorCommand> ALL = List.of(new CreateAdminCommand(), new ResetPasswordCommand(),
            new CreateTokenCommand());

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final String STDIN = "--stdin";
    static final String PASSWORD_LINE = "Password (shown only this once): ";

    /** What a command's context leaves off: creating a first admin, delivering the outbox, reading mail, Slack. */
    static final Map<String, Object> NO_BACKGROUND_WORK = Map.of(
            FirstAdmin.AT_START, "false",
            "ticketdesk.outbox.enabled", "false",
            "mail.imap.host", "",
            "slack.signing-secret", "");

    private OperatorCommands() {
    }

    /** A first argument that is a word (or --help) names a command; none, or {@code -}flags, start the service. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (!args[0].startsWith("-") || isHelp(args[0]));
    }

    private static boolean isHelp(String word) {
        return word.equals("help") || word.equals("--help");
    }

    /** Runs the command {@code args} names, with the process's streams and the service's configuration. */
    public static int run(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-command.xml");
        }
        return run(Arrays.asList(args), Terminal.system(),
                () -> ApplicationContext.builder().banner(false).properties(NO_BACKGROUND_WORK).start());
    }

    static int run(List<String> words, Terminal terminal, Supplier<ApplicationContext> contexts) {
        if (isHelp(words.get(0))) {
            terminal.out().print(usage());
            return OK;
        }
        Optional<OperatorCommand> named = ALL.stream().filter(c -> startsWith(words, c.name())).findFirst();
        if (named.isEmpty()) {
            terminal.err().print("ticketdesk: no command '" + String.join(" ", words) + "'\n" + usage());
            return USAGE;
        }
        OperatorCommand command = named.get();
        OperatorCommand.Work work;
        try {
            List<String> rest = words.subList(command.name().split(" ").length, words.size());
            work = command.parse(Arguments.of(rest, command.flags(), command.options()));
        } catch (Arguments.UsageError e) {
            terminal.err().println("ticketdesk " + command.name() + ": " + e.getMessage() + "\nUsage: java -jar"
                    + " ticketdesk.jar " + command.name() + " " + command.arguments());
            return USAGE;
        }
        try (ApplicationContext context = contexts.get()) {
            return work.run(context, terminal);
        } catch (RuntimeException e) {
            terminal.err().println("ticketdesk " + command.name() + ": failed: " + rootMessage(e));
            return FAILED;
        }
    }

    static int refused(Terminal terminal, String command, Refusal refusal) {
        terminal.err().println("ticketdesk " + command + ": " + refusal.message());
        return FAILED;
    }

    /** The password given on stdin (or typed, unechoed, at a terminal). */
    static String passwordFrom(Terminal terminal) {
        String password = terminal.readSecret("New password: ");
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("--stdin was given, but no password came on stdin");
        }
        return password;
    }

    static String usage() {
        StringBuilder usage = new StringBuilder("Usage: java -jar ticketdesk.jar [COMMAND]\n"
                + "Without a command, runs the service. Commands run once against the service's database and"
                + " configuration:\n");
        ALL.forEach(c -> usage.append("  ").append(c.name()).append(' ').append(c.arguments()).append("\n      ")
                .append(c.summary()).append('\n'));
        return usage.append("Exit status: 0 done, 1 refused or failed, 2 wrong usage.\n").toString();
    }

    private static boolean startsWith(List<String> words, String name) {
        List<String> nameWords = List.of(name.split(" "));
        return words.size() >= nameWords.size() && words.subList(0, nameWords.size()).equals(nameWords);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
