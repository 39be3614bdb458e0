package ticketdesk.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;
import ticketdesk.core.Refusal;

/**
 * An RFC 9457 problem, the body of every error of the API ({@code application/problem+json}): {@code reason} is
 * core's refusal (NOT_FOUND, ILLEGAL_TRANSITION, …), {@code field} the input at fault, {@code holder} who holds a
 * ticket a claim lost to.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An RFC 9457 problem")
public record Problem(String type, String title, int status, String detail, String reason, String field,
                      UserRef holder) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static MutableHttpResponse<Problem> of(Refusal refusal) {
        return respond(new Problem(type(refusal.reason().name()), title(refusal.reason()), status(refusal.reason())
                .getCode(), refusal.message(), refusal.reason().name(), refusal.field(), null));
    }

    public static MutableHttpResponse<Problem> of(HttpStatus status, String reason, String detail) {
        return respond(new Problem(type(reason), status.getReason(), status.getCode(), detail, reason, null, null));
    }

    public static MutableHttpResponse<Problem> respond(Problem problem) {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status())).body(problem)
                .contentType(MEDIA_TYPE);
    }

    /** 404 for what is not there (or hidden from the caller), 403 for who may not, 409 for what is not possible now. */
    public static HttpStatus status(Refusal.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_ALLOWED, WRONG_ROLE, INACTIVE_USER -> HttpStatus.FORBIDDEN;
            case ILLEGAL_TRANSITION, DECLINED -> HttpStatus.CONFLICT;
        };
    }

    public static String type(String reason) {
        return "urn:ticketdesk:problem:" + reason.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String title(Refusal.Reason reason) {
        String words = reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
