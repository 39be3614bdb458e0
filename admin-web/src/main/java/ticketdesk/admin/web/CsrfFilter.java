package ticketdesk.admin.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;
import io.micronaut.security.authentication.Authentication;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Refuses (403, nothing changed) every POST under {@code /admin} whose {@code _csrf} form field does not match
 * the session's token, or, for the login form, the token of the login cookie.
 */
@ServerFilter({"/admin", "/admin/**"})
class CsrfFilter implements Ordered {

    private final FilterBodyParser bodies;

    CsrfFilter(FilterBodyParser bodies) {
        this.bodies = bodies;
    }

    @RequestFilter
    Publisher<MutableHttpResponse<?>> verify(HttpRequest<?> request,
                                             FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        if (request.getMethod() != HttpMethod.POST) {
            return next.proceed();
        }
        String expected = request.getPath().equals("/admin/login")
                ? request.getCookies().findCookie(Csrf.LOGIN_COOKIE).map(Cookie::getValue).orElse(null)
                : Csrf.tokenOf(request.getUserPrincipal(Authentication.class).orElse(null));
        if (expected == null || !isForm(request)) {
            return Mono.just(forbidden());
        }
        // Continue off the event loop: proceeding inside the body's completion callback made the controller's
        // @Body binding subscribe to the same body re-entrantly, which Micronaut 4.10.15's shared body buffer does
        // not survive when the body arrived after the headers (an AssertionError under -ea, a 500; see
        // micronaut-core#12646); subscribed from another thread, the binding is queued on the event loop instead.
        return Mono.fromFuture(bodies.parseBody(request))
                .publishOn(Schedulers.boundedElastic())
                .defaultIfEmpty(Map.of())
                .flatMap(body -> Csrf.matches(expected, given(body)) ? Mono.from(next.proceed())
                        : Mono.just(forbidden()));
    }

    private static boolean isForm(HttpRequest<?> request) {
        return request.getContentType().map(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).orElse(false);
    }

    private static String given(Map<String, Object> body) {
        Object value = body.get(Csrf.FIELD);
        return value instanceof String s ? s : null;
    }

    private static MutableHttpResponse<?> forbidden() {
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN_TYPE + ";charset=utf-8")
                .body("Forbidden: this form did not come from your admin session (missing or stale security token)."
                        + " Go back, reload the page and try again.");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
