package ticketdesk.core.webhook;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import ticketdesk.core.Refusal;
import ticketdesk.core.Times;
import ticketdesk.core.audit.EventType;

/**
 * Registers, changes and removes webhook endpoints. A URL is an absolute http(s) URL; the event types are core's
 * (none named: every type); the signing secret is the admin's own (16 to 255 characters) or generated, shown once,
 * and kept as it is because signing needs it. A removed endpoint's pending deliveries fail at their next attempt.
 */
@Singleton
public class WebhookEndpoints {

    public static final int MAX_URL = 2000;
    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 255;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookEndpointRepository endpoints;
    private final Times times;

    WebhookEndpoints(WebhookEndpointRepository endpoints, Times times) {
        this.endpoints = endpoints;
        this.times = times;
    }

    /** Input of a registration or a change: null leaves a field as it is (a new endpoint: every type, active). */
    public record Wanted(@Nullable String url, @Nullable String secret, @Nullable Collection<String> eventTypes,
                         @Nullable Boolean active) {
    }

    public WebhookResult register(Wanted wanted, @Nullable Long actorId) {
        if (wanted.url() == null) {
            return refused(Refusal.invalid("url", "a webhook needs the URL to deliver to"));
        }
        String secret = wanted.secret() == null ? generatedSecret() : wanted.secret();
        Optional<Refusal> refusal = urlRefusal(wanted.url()).or(() -> secretRefusal(secret));
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        refusal = refusal.or(() -> readTypes(wanted.eventTypes(), types));
        if (refusal.isPresent()) {
            return refused(refusal.get());
        }
        var now = times.now();
        WebhookEndpointRow row = endpoints.save(new WebhookEndpointRow(null, wanted.url().strip(), secret,
                WebhookEndpointRow.stored(types), wanted.active() == null || wanted.active(), actorId, now, now));
        return new WebhookResult.Saved(row.toEndpoint(), secret);
    }

    public WebhookResult change(long id, Wanted wanted) {
        WebhookEndpointRow old = endpoints.findById(id).orElse(null);
        if (old == null) {
            return refused(Refusal.notFound("webhook #" + id));
        }
        String url = wanted.url() == null ? old.url() : wanted.url().strip();
        String secret = wanted.secret() == null ? old.secret() : wanted.secret();
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        Optional<Refusal> refusal = urlRefusal(url).or(() -> secretRefusal(secret))
                .or(() -> wanted.eventTypes() == null ? Optional.empty() : readTypes(wanted.eventTypes(), types));
        if (refusal.isPresent()) {
            return refused(refusal.get());
        }
        String stored = wanted.eventTypes() == null ? old.eventTypes() : WebhookEndpointRow.stored(types);
        WebhookEndpointRow row = endpoints.update(new WebhookEndpointRow(id, url, secret, stored,
                wanted.active() == null ? old.active() : wanted.active(), old.createdBy(), old.createdAt(),
                times.now()));
        return new WebhookResult.Saved(row.toEndpoint(), wanted.secret());
    }

    public Optional<Refusal> remove(long id) {
        return endpoints.remove(id) == 0 ? Optional.of(Refusal.notFound("webhook #" + id)) : Optional.empty();
    }

    public List<WebhookEndpoint> list() {
        return endpoints.listAll().stream().map(WebhookEndpointRow::toEndpoint).toList();
    }

    public Optional<WebhookEndpoint> byId(long id) {
        return endpoints.findById(id).map(WebhookEndpointRow::toEndpoint);
    }

    private static Optional<Refusal> urlRefusal(String url) {
        String trimmed = url.strip();
        if (trimmed.length() > MAX_URL) {
            return Optional.of(Refusal.invalid("url", "the URL is longer than " + MAX_URL + " characters"));
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return Optional.empty();
            }
        } catch (URISyntaxException malformed) {
            // refused below, like any other URL that is not an absolute http(s) one
        }
        return Optional.of(Refusal.invalid("url", "'" + (trimmed.length() > 80 ? trimmed.substring(0, 80) : trimmed)
                + "' is not an absolute http or https URL"));
    }

    private static Optional<Refusal> secretRefusal(String secret) {
        return secret.length() < MIN_SECRET || secret.length() > MAX_SECRET || secret.isBlank()
                ? Optional.of(Refusal.invalid("secret", "a webhook secret has " + MIN_SECRET + " to " + MAX_SECRET
                        + " characters; leave it out to have one generated"))
                : Optional.empty();
    }

    /** Reads the named types into {@code into}; the refusal names the first unknown one. */
    private static Optional<Refusal> readTypes(Collection<String> names, Set<EventType> into) {
        for (String name : names == null ? List.<String>of() : names) {
            try {
                into.add(EventType.fromDb(name.strip()));
            } catch (IllegalArgumentException | NullPointerException unknown) {
                return Optional.of(Refusal.invalid("eventTypes", "unknown event type '" + name + "'; known: "
                        + String.join(", ", EnumSet.allOf(EventType.class).stream().map(EventType::db).toList())));
            }
        }
        return Optional.empty();
    }

    private static String generatedSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static WebhookResult refused(Refusal refusal) {
        return new WebhookResult.Refused(refusal);
    }
}
