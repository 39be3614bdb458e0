package ticketdesk.app.command;

import java.util.Set;
import ticketdesk.core.user.ResettingPassword;
import ticketdesk.core.user.User;

/**
 * {@code admin reset-password EMAIL [--stdin]}: a new password for an active admin, generated and printed once, or
 * read from stdin; their sessions end and their sign-in lock-out is lifted (core's {@link ResettingPassword}).
 */
final class ResetPasswordCommand implements OperatorCommand {

    @Override
    public String name() {
        return "admin reset-password";
    }

    @Override
    public String arguments() {
        return "EMAIL [--stdin]";
    }

    @Override
    public String summary() {
        return "sets a new password for an admin (printed once, or read from stdin with --stdin), ends their"
                + " sessions and lifts their sign-in lock-out";
    }

    @Override
    public Work parse(Arguments arguments) {
        String email = arguments.single("EMAIL");
        boolean fromStdin = arguments.has(OperatorCommands.STDIN);
        return (context, terminal) -> {
            String chosen = fromStdin ? OperatorCommands.passwordFrom(terminal) : null;
            var result = context.getBean(ResettingPassword.class).reset(email, chosen);
            if (result instanceof ResettingPassword.Result.Refused refused) {
                return OperatorCommands.refused(terminal, name(), refused.refusal());
            }
            var reset = (ResettingPassword.Result.Reset) result;
            User admin = reset.admin();
            terminal.out().println("Reset the password of admin " + admin.email() + " (#" + admin.id() + ")"
                    + (reset.generated() ? "" : " to the one read from stdin")
                    + "; their sessions have ended and their sign-in lock-out is lifted.");
            if (reset.generated()) {
                terminal.out().println(OperatorCommands.PASSWORD_LINE + reset.password());
            }
            return OperatorCommands.OK;
        };
    }

    @Override
    public Set<String> flags() {
        return Set.of(OperatorCommands.STDIN);
    }
}
