package ticketdesk.mail.outbound;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ticketdesk.mail.MailSettings;
import ticketdesk.mail.Secret;

/**
 * The Reply-To of a notification: a plus-address of MAIL_FROM carrying a signed token for (ticket,
 * recipient), e.g. {@code support+t42-u7-3f0c…@example.com}. A reply to it names its ticket and proves
 * who it was sent to without trusting the {@code From:} header.
 */
@Singleton
public class ReplyTokens {

    private static final String PURPOSE = "reply-to";
    private static final int SIGNATURE_CHARS = 20;

    private final Secret secret;
    private final String local;
    private final String domain;
    private final Pattern pattern;

    ReplyTokens(Secret secret, MailSettings settings) {
        this.secret = secret;
        this.local = settings.fromLocalPart();
        this.domain = settings.fromDomain();
        this.pattern = Pattern.compile("^" + Pattern.quote(local) + "\\+t(\\d{1,18})-u(\\d{1,18})-([0-9a-f]{"
                + SIGNATURE_CHARS + "})@" + Pattern.quote(domain) + "$");
    }

    public record Token(long ticketId, long userId) {
    }

    public String replyTo(long ticketId, long userId) {
        String data = ticketId + ":" + userId;
        return local + "+t" + ticketId + "-u" + userId + "-" + secret.sign(PURPOSE, data, SIGNATURE_CHARS) + "@" + domain;
    }

    /** The first validly signed token among these addresses. */
    public Optional<Token> read(Collection<String> addresses) {
        for (String address : addresses) {
            Matcher m = pattern.matcher(address.toLowerCase(Locale.ROOT));
            if (m.matches()) {
                long ticket = Long.parseLong(m.group(1));
                long user = Long.parseLong(m.group(2));
                if (secret.verify(PURPOSE, ticket + ":" + user, m.group(3))) {
                    return Optional.of(new Token(ticket, user));
                }
            }
        }
        return Optional.empty();
    }
}
