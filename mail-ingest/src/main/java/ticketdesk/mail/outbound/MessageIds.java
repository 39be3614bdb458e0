package ticketdesk.mail.outbound;

import jakarta.inject.Singleton;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ticketdesk.mail.MailSettings;
import ticketdesk.mail.Secret;

/**
 * The Message-IDs of the mail we send: one per notification, derived from its id so a retried
 * delivery reuses it, and one root per ticket that every email of the ticket refers to, so mail
 * clients thread them. A tag derived from the secret tells our ids from anyone else's.
 */
@Singleton
public class MessageIds {

    private final Secret secret;
    private final String domain;
    private volatile String tag;

    MessageIds(Secret secret, MailSettings settings) {
        this.secret = secret;
        this.domain = settings.fromDomain();
    }

    public String forNotification(long notificationId) {
        return "<td." + tag() + ".n" + notificationId + "@" + domain + ">";
    }

    public String ticketRoot(long ticketId) {
        return "<td." + tag() + ".t" + ticketId + "@" + domain + ">";
    }

    /** Whether this Message-ID is one of ours (our own mail coming back to us). */
    public boolean isOurs(String messageId) {
        return messageId != null && messageId.startsWith("<td." + tag() + ".");
    }

    /** The ticket whose root id this is. */
    public OptionalLong ticketOfRoot(String messageId) {
        if (!isOurs(messageId)) {
            return OptionalLong.empty();
        }
        Matcher m = Pattern.compile("^<td\\.[0-9a-f]+\\.t(\\d{1,18})@").matcher(messageId);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    private String tag() {
        String t = tag;
        if (t == null) {
            t = secret.sign("message-id", "", 10);
            tag = t;
        }
        return t;
    }
}
