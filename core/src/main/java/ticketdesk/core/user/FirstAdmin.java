package ticketdesk.core.user;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first admin at start-up when there is no active admin: from TICKETDESK_ADMIN_EMAIL and
 * TICKETDESK_ADMIN_PASSWORD, or with a generated password printed once to the log.
 */
@Singleton
public class FirstAdmin {

    /** False where ticketdesk runs an operator command rather than the service: the command decides who exists. */
    public static final String AT_START = "ticketdesk.admin.first-admin-at-start";

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserDirectory directory;
    private final ManagingUsers managing;
    private final Passwords passwords;
    private final String email;
    private final String password;
    private final boolean atStart;

    FirstAdmin(UserDirectory directory, ManagingUsers managing, Passwords passwords,
               @Value("${ticketdesk.admin.email:admin@ticketdesk.local}") String email,
               @Value("${ticketdesk.admin.password:}") String password,
               @Value("${" + AT_START + ":true}") boolean atStart) {
        this.directory = directory;
        this.managing = managing;
        this.passwords = passwords;
        this.email = email;
        this.password = password;
        this.atStart = atStart;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (atStart) {
            ensure();
        }
    }

    public void ensure() {
        if (directory.anyActiveAdmin()) {
            return;
        }
        boolean generated = password == null || password.isBlank();
        String secret = generated ? passwords.generate() : password;
        try {
            var existing = directory.byEmail(email);
            if (existing.isPresent()) {
                LOG.warn("no active admin; {} exists but is not an active admin, leaving it alone", email);
                return;
            }
            UserResult result = managing.create(new NewUser("Administrator", email, null, Role.ADMIN, null, null,
                    null, secret));
            if (result instanceof UserResult.Refused refused) {
                LOG.error("could not create the first admin {}: {}", email, refused.refusal().message());
            } else if (generated) {
                LOG.warn("Created the first admin {} with the generated password: {}"
                        + " (set TICKETDESK_ADMIN_PASSWORD to choose it; this is printed only once)", email, secret);
            } else {
                LOG.info("Created the first admin {}", email);
            }
        } catch (RuntimeException raced) {
            LOG.info("first admin not created here ({}); another instance probably did", raced.toString());
        }
    }
}
