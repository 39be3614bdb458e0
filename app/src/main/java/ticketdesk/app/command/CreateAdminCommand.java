package ticketdesk.app.command;

import java.util.Set;
import ticketdesk.core.user.ManagingUsers;
import ticketdesk.core.user.NewUser;
import ticketdesk.core.user.Passwords;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserResult;

/**
 * {@code admin create EMAIL [--name NAME] [--stdin]}: a new active admin through core's {@link ManagingUsers} (its
 * rules: a valid, unused email; the password policy), with a generated password printed once, or one from stdin.
 */
final class CreateAdminCommand implements OperatorCommand {

    static final String NAME = "--name";

    @Override
    public String name() {
        return "admin create";
    }

    @Override
    public String arguments() {
        return "EMAIL [--name NAME] [--stdin]";
    }

    @Override
    public String summary() {
        return "creates an active admin (named NAME, or after the email) and prints its password once, or reads"
                + " it from stdin with --stdin";
    }

    @Override
    public Set<String> flags() {
        return Set.of(OperatorCommands.STDIN);
    }

    @Override
    public Set<String> options() {
        return Set.of(NAME);
    }

    @Override
    public Work parse(Arguments arguments) {
        String email = arguments.single("EMAIL");
        String name = arguments.option(NAME).orElse(email.contains("@") ? email.substring(0, email.indexOf('@'))
                : email);
        boolean fromStdin = arguments.has(OperatorCommands.STDIN);
        return (context, terminal) -> {
            String password = fromStdin ? OperatorCommands.passwordFrom(terminal)
                    : context.getBean(Passwords.class).generate();
            UserResult result = context.getBean(ManagingUsers.class)
                    .create(new NewUser(name, email, null, Role.ADMIN, null, null, null, password));
            if (result instanceof UserResult.Refused refused) {
                return OperatorCommands.refused(terminal, name(), refused.refusal());
            }
            User admin = ((UserResult.Saved) result).user();
            terminal.out().println("Created admin " + admin.email() + " (#" + admin.id() + ", \""
                    + admin.displayName() + "\")" + (fromStdin ? " with the password read from stdin." : "."));
            if (!fromStdin) {
                terminal.out().println(OperatorCommands.PASSWORD_LINE + password);
            }
            return OperatorCommands.OK;
        };
    }
}
