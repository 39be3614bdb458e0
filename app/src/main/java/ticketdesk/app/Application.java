package ticketdesk.app;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;

/** Starts ticketdesk: HTTP on 8080, the database migrated, the outbox worker and the mail reader running. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        ApplicationContext context = Micronaut.build(args).mainClass(Application.class).banner(false).start();
        if (Boolean.getBoolean(ClassDataTraining.PROPERTY)) {
            ClassDataTraining.finish(context);
        }
    }
}
