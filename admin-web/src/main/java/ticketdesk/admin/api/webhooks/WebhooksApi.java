package ticketdesk.admin.api.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ticketdesk.admin.api.AdminsOnly;
import ticketdesk.admin.api.ApiCaller;
import ticketdesk.admin.api.Problem;
import ticketdesk.admin.api.Times;
import ticketdesk.core.Refusal;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.webhook.WebhookEndpoint;
import ticketdesk.core.webhook.WebhookEndpoints;
import ticketdesk.core.webhook.WebhookResult;

/**
 * Webhook endpoints (admins): every audit event of the types an endpoint wants is POSTed to it as JSON, signed with
 * its secret. The secret is in the answer that sets it, and never again.
 */
@Controller(value = "/api/v1/webhooks", produces = MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "webhooks")
class WebhooksApi {

    private static final String WHAT = "manage webhooks";

    private final WebhookEndpoints endpoints;

    WebhooksApi(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** An endpoint as registered or changed: {@code eventTypes} empty or left out means every type. */
    @Serdeable
    record WebhookInput(@Nullable String url, @Nullable String secret, @Nullable List<String> eventTypes,
                        @Nullable Boolean active) {

        WebhookEndpoints.Wanted wanted() {
            return new WebhookEndpoints.Wanted(url, secret, eventTypes, active);
        }
    }

    /** An endpoint; {@code secret} only in the answer that set it. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Serdeable
    record WebhookView(long id, String url, List<String> eventTypes, boolean active, String secret,
                       Instant createdAt, Instant updatedAt) {

        static WebhookView of(WebhookEndpoint e, String secret) {
            return new WebhookView(e.id(), e.url(), e.eventTypes().stream().map(EventType::db).toList(), e.active(),
                    secret, Times.of(e.createdAt()), Times.of(e.updatedAt()));
        }
    }

    @Get
    @Operation(summary = "Every webhook endpoint (admins)")
    HttpResponse<?> list(@Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
        return AdminsOnly.refusal(caller, WHAT).<HttpResponse<?>>map(Problem::of).orElseGet(() ->
                HttpResponse.ok(endpoints.list().stream().map(e -> WebhookView.of(e, null)).toList()));
    }

    @Get("/{id}")
    @Operation(summary = "One webhook endpoint (admins)")
    HttpResponse<?> get(@PathVariable long id,
                        @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
        return AdminsOnly.refusal(caller, WHAT).<HttpResponse<?>>map(Problem::of).orElseGet(() ->
                endpoints.byId(id).<HttpResponse<?>>map(e -> HttpResponse.ok(WebhookView.of(e, null)))
                        .orElseGet(() -> Problem.of(Refusal.notFound("webhook #" + id))));
    }

    @Post
    @Operation(summary = "Registers an endpoint; the answer carries its signing secret, given or generated, once")
    HttpResponse<?> register(@Body WebhookInput input,
                             @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
        Optional<Refusal> refusal = AdminsOnly.refusal(caller, WHAT);
        if (refusal.isPresent()) {
            return Problem.of(refusal.get());
        }
        WebhookResult result = endpoints.register(input.wanted(), caller.id());
        if (result instanceof WebhookResult.Saved saved) {
            return HttpResponse.created(WebhookView.of(saved.endpoint(), saved.secret()),
                    URI.create("/api/v1/webhooks/" + saved.endpoint().id()));
        }
        return Problem.of(((WebhookResult.Refused) result).refusal());
    }

    @Patch("/{id}")
    @Operation(summary = "Changes an endpoint's URL, secret, event types or whether it is on (admins)")
    HttpResponse<?> change(@PathVariable long id, @Body WebhookInput input,
                           @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
        Optional<Refusal> refusal = AdminsOnly.refusal(caller, WHAT);
        if (refusal.isPresent()) {
            return Problem.of(refusal.get());
        }
        WebhookResult result = endpoints.change(id, input.wanted());
        if (result instanceof WebhookResult.Saved saved) {
            return HttpResponse.ok(WebhookView.of(saved.endpoint(), saved.secret()));
        }
        return Problem.of(((WebhookResult.Refused) result).refusal());
    }

    @Delete("/{id}")
    @Operation(summary = "Removes an endpoint; what was still pending for it fails at its next attempt (admins)")
    HttpResponse<?> remove(@PathVariable long id,
                           @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
        return AdminsOnly.refusal(caller, WHAT).or(() -> endpoints.remove(id)).<HttpResponse<?>>map(Problem::of)
                .orElseGet(HttpResponse::noContent);
    }
}
