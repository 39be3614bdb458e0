package ticketdesk.admin.api;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.hateoas.JsonError;

/**
 * Every error under {@code /api} is a problem: what the framework answers itself (no such route, a body that is not
 * JSON, a path id that is not a number) is rewritten from its JSON error into {@link Problem}.
 */
@ServerFilter({"/api", "/api/**"})
class ProblemResponses implements Ordered {

    @ResponseFilter
    void asProblem(MutableHttpResponse<?> response) {
        if (response.code() < 400 || response.getBody().filter(Problem.class::isInstance).isPresent()) {
            return;
        }
        String detail = response.getBody(JsonError.class).map(JsonError::getMessage)
                .or(() -> response.getBody().filter(String.class::isInstance).map(String.class::cast))
                .orElse(response.getStatus().getReason());
        String reason = response.code() == 404 ? "NOT_FOUND" : response.code() == 400 ? "INVALID_INPUT"
                : response.getStatus().name();
        Problem problem = new Problem(Problem.type(reason), response.getStatus().getReason(), response.code(), detail,
                reason, null, null);
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Object> rewritten = (MutableHttpResponse<Object>) response;
        rewritten.body(problem).contentType(Problem.MEDIA_TYPE);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
