package ticketdesk.mail.outbound;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ticketdesk.mail.Secret;

/**
 * The Claim and Decline links of a responder's email: signed for (action, ticket, responder). The link
 * opens a confirm page; only the page's form, which carries a second token, acts.
 */
@Singleton
class ConfirmLinks {

    private static final Pattern TOKEN = Pattern.compile("^(claim|decline)-(\\d{1,18})-(\\d{1,18})-([0-9a-f]{24})$");

    private final Secret secret;
    private final String baseUrl;

    ConfirmLinks(Secret secret, @Value("${ticketdesk.base-url:http://localhost:8080}") String baseUrl) {
        this.secret = secret;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public enum Action {
        CLAIM, DECLINE;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Link(Action action, long ticketId, long userId) {
    }

    public String url(Action action, long ticketId, long userId) {
        String data = action.word() + ":" + ticketId + ":" + userId;
        return baseUrl + "/mail/confirm/" + action.word() + "-" + ticketId + "-" + userId + "-"
                + secret.sign("confirm-link", data, 24);
    }

    public Optional<Link> read(String token) {
        Matcher m = token == null ? null : TOKEN.matcher(token);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        String data = m.group(1) + ":" + m.group(2) + ":" + m.group(3);
        if (!secret.verify("confirm-link", data, m.group(4))) {
            return Optional.empty();
        }
        return Optional.of(new Link(Action.valueOf(m.group(1).toUpperCase(Locale.ROOT)), Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3))));
    }

    /** The token the confirm page's form posts back; a GET alone never has it. */
    public String formToken(String linkToken) {
        return secret.sign("confirm-form", linkToken, 32);
    }

    public boolean checkFormToken(String linkToken, String formToken) {
        return formToken != null && formToken.length() == 32 && secret.verify("confirm-form", linkToken, formToken);
    }
}
