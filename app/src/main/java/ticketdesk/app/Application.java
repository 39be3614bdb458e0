package ticketdesk.app;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import ticketdesk.app.command.OperatorCommands;

/**
 * Starts ticketdesk: HTTP on 8080, the database migrated, the outbox worker and the mail reader running; or, when
 * the first argument names one, runs an operator command ({@link OperatorCommands}) and exits with its status.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (OperatorCommands.isCommand(args)) {
            System.exit(OperatorCommands.run(args));
        }
        boolean training = Boolean.getBoolean(ClassDataTraining.PROPERTY);
        // the build's training start must never reach a database, mailbox or Slack named in the build's environment
        ApplicationContext context = Micronaut.build(args).mainClass(Application.class).banner(false)
                .environmentPropertySource(!training).start();
        if (training) {
            ClassDataTraining.finish(context);
        }
    }
}
