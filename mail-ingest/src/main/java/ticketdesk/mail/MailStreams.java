package ticketdesk.mail;

import io.micronaut.context.annotation.Context;
import org.eclipse.angus.mail.util.MailStreamProvider;

/**
 * Names Angus Mail's stream provider to Jakarta Mail once, at start-up. Without the name, Jakarta Mail 2.1
 * finds the provider with a ServiceLoader scan of the class path for every header it encodes and every part it
 * writes or decodes: a tenth of the CPU of sending a notification email. A provider named by the deployment
 * ({@code -Djakarta.mail.util.StreamProvider=…}) is left as it is.
 */
@Context
class MailStreams {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";

    MailStreams() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, MailStreamProvider.class.getName());
        }
    }
}
