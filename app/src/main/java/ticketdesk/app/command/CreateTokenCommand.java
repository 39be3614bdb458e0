package ticketdesk.app.command;

import java.util.Set;
import ticketdesk.core.token.ApiToken;
import ticketdesk.core.token.ApiTokens;
import ticketdesk.core.token.TokenResult;

/**
 * {@code token create --name NAME --user EMAIL}: a new API token acting as the active user with that email (core's
 * {@link ApiTokens}), printed once for automation to keep; only its hash is stored.
 */
final class CreateTokenCommand implements OperatorCommand {

    static final String NAME = "--name";
    static final String USER = "--user";
    static final String TOKEN_LINE = "Token (shown only this once): ";

    @Override
    public String name() {
        return "token create";
    }

    @Override
    public String arguments() {
        return "--name NAME --user EMAIL";
    }

    @Override
    public String summary() {
        return "creates an API token that acts as the user with that email, and prints it once";
    }

    @Override
    public Set<String> options() {
        return Set.of(NAME, USER);
    }

    @Override
    public Work parse(Arguments arguments) {
        String name = arguments.option(NAME).orElseThrow(() -> new Arguments.UsageError("missing " + NAME + " NAME"));
        String email = arguments.option(USER).orElseThrow(() -> new Arguments.UsageError("missing " + USER + " EMAIL"));
        arguments.none("the options " + NAME + " and " + USER);
        return (context, terminal) -> {
            TokenResult result = context.getBean(ApiTokens.class).issue(name, email, null);
            if (result instanceof TokenResult.Refused refused) {
                return OperatorCommands.refused(terminal, name(), refused.refusal());
            }
            TokenResult.Issued issued = (TokenResult.Issued) result;
            ApiToken token = issued.token();
            terminal.out().println("Created API token #" + token.id() + " \"" + token.name() + "\" acting as "
                    + email.strip() + ".");
            terminal.out().println(TOKEN_LINE + issued.secret());
            return OperatorCommands.OK;
        };
    }
}
