package ticketdesk.admin.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Refuses (403, nothing changed) every POST under {@code /admin} whose {@code _csrf} field does not match the
 * session's token, or, for the login form, the token of the login cookie.
 */
@ServerFilter({"/admin", "/admin/**"})
class CsrfFilter implements Ordered {

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> verify(HttpRequest<?> request, @Nullable @Body String body) {
        if (request.getMethod() != HttpMethod.POST) {
            return null;
        }
        String given = field(body, Csrf.FIELD);
        String expected = request.getPath().equals("/admin/login")
                ? request.getCookies().findCookie(Csrf.LOGIN_COOKIE).map(Cookie::getValue).orElse(null)
                : Csrf.tokenOf(request.getUserPrincipal(Authentication.class).orElse(null));
        if (Csrf.matches(expected, given)) {
            return null;
        }
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN_TYPE + ";charset=utf-8")
                .body("Forbidden: this form did not come from your admin session (missing or stale security token)."
                        + " Go back, reload the page and try again.");
    }

    static String field(String body, String name) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        try {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (key.equals(name)) {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        return null;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
