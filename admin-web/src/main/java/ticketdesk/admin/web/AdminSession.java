package ticketdesk.admin.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ticketdesk.core.user.User;

/**
 * The admin's session: a signed JWT in an HttpOnly, SameSite=Strict cookie (Secure when the request came
 * over HTTPS), carrying the admin's id, name, the CSRF token of the session and the admin's session generation
 * (core's {@link ticketdesk.core.user.UserSessions}), which ends the session server-side before its expiry.
 */
@Singleton
public class AdminSession implements TokenReader<HttpRequest<?>> {

    public static final String COOKIE = "TD_SESSION";
    public static final String ROLE = "admin";
    static final String CSRF_CLAIM = "csrf";
    static final String NAME_CLAIM = "name";
    /** The user's session generation when the session opened: it counts only while the user is still in it. */
    static final String GENERATION_CLAIM = "gen";

    private final TokenGenerator tokens;
    private final Duration timeout;

    AdminSession(TokenGenerator tokens, @Value("${ticketdesk.admin.session-timeout:8h}") Duration timeout) {
        this.tokens = tokens;
        this.timeout = timeout;
    }

    /** The cookie that opens a session for this admin, in their session generation {@code generation}. */
    public Cookie open(User admin, long generation, HttpRequest<?> request) {
        Authentication authentication = Authentication.build(Long.toString(admin.id()), List.of(ROLE),
                Map.of(CSRF_CLAIM, Csrf.newToken(), NAME_CLAIM, admin.displayName(), GENERATION_CLAIM, generation));
        String token = tokens.generateToken(authentication, (int) timeout.toSeconds())
                .orElseThrow(() -> new IllegalStateException("could not sign the session token"));
        return cookieFor(COOKIE, token, request).maxAge(timeout);
    }

    /** The session generation the session was opened in; empty for a token without one (from before they existed). */
    static Optional<Long> generationOf(Authentication authentication) {
        Object generation = authentication.getAttributes().get(GENERATION_CLAIM);
        return generation instanceof Number number ? Optional.of(number.longValue()) : Optional.empty();
    }

    public static Cookie close(HttpRequest<?> request) {
        return cookieFor(COOKIE, "", request).maxAge(0);
    }

    public static Cookie cookieFor(String name, String value, HttpRequest<?> request) {
        return Cookie.of(name, value).path("/admin").httpOnly(true).sameSite(SameSite.Strict)
                .secure(Requests.cameOverHttps(request));
    }

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        if (!request.getPath().startsWith("/admin")) {
            return Optional.empty();
        }
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
