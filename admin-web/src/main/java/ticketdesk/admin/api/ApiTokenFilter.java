package ticketdesk.admin.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ticketdesk.core.token.TokenCheck;

/**
 * Lets a call into {@code /api/v1} only with {@code Authorization: Bearer <token>} of a live token whose user is
 * active (core's {@link TokenCheck}); anything else is a 401 problem, and the token itself never reaches a log. The
 * API has no session, cookie or CSRF token: the panel's security filter does not run here (app's application.yml).
 */
@ServerFilter("/api/v1/**")
class ApiTokenFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(ApiTokenFilter.class);
    private static final String BEARER = "Bearer ";

    private final TokenCheck tokens;

    ApiTokenFilter(TokenCheck tokens) {
        this.tokens = tokens;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        String header = request.getHeaders().getAuthorization().orElse("");
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return unauthorized("send an API token as Authorization: Bearer <token>");
        }
        TokenCheck.Result result = tokens.check(header.substring(BEARER.length()).strip());
        if (result instanceof TokenCheck.Result.Accepted accepted) {
            request.setAttribute(ApiCaller.ATTRIBUTE, new ApiCaller(accepted.user(), accepted.token().id()));
            return null;
        }
        LOG.info("API call {} {} refused: {}", request.getMethod(), request.getPath(),
                ((TokenCheck.Result.Rejected) result).why());
        return unauthorized("the API token is unknown, revoked or acts as a deactivated user");
    }

    private static HttpResponse<?> unauthorized(String detail) {
        return Problem.of(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", detail)
                .header("WWW-Authenticate", "Bearer realm=\"ticketdesk\"");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
