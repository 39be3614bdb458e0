package ticketdesk.admin.tokens;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ticketdesk.admin.web.CurrentAdmin;
import ticketdesk.admin.web.Formats;
import ticketdesk.admin.web.UserNames;
import ticketdesk.core.Refusal;
import ticketdesk.core.token.ApiToken;
import ticketdesk.core.token.ApiTokens;
import ticketdesk.core.token.TokenResult;

/** API tokens: the list, issuing one for a user (its secret shown on this answer only), revoking one. */
@Controller("/admin/tokens")
@ExecuteOn(TaskExecutors.BLOCKING)
class TokensController {

    static final String VIEW = "tokens/list";

    private final ApiTokens tokens;
    private final UserNames names;

    TokensController(ApiTokens tokens, UserNames names) {
        this.tokens = tokens;
        this.names = names;
    }

    /** One line of the list. */
    record TokenLine(long id, String name, String user, String key, String createdAt, String lastUsedAt,
                     String revokedAt, boolean revoked) {
    }

    @Serdeable
    record TokenForm(@Nullable String name, @Nullable String email, @Nullable String _csrf) {
    }

    @Get
    ModelAndView<Map<String, Object>> list(@Nullable @QueryValue String done) {
        return page(null, null, "revoked".equals(done) ? "The token is revoked: calls with it are refused." : null);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> issue(@Body TokenForm form, Authentication authentication) {
        TokenResult result = tokens.issue(form.name(), form.email() == null ? "" : form.email().strip(),
                CurrentAdmin.of(authentication).id());
        if (result instanceof TokenResult.Issued issued) {
            return HttpResponse.ok(page(issued, null, null));
        }
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(page(null, ((TokenResult.Refused) result).refusal().message(), null));
    }

    @Post("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revoke(@PathVariable long id) {
        Optional<Refusal> refused = tokens.revoke(id);
        return refused.<HttpResponse<?>>map(r -> HttpResponse.notFound(r.message()))
                .orElseGet(() -> HttpResponse.seeOther(URI.create("/admin/tokens?done=revoked")));
    }

    private ModelAndView<Map<String, Object>> page(TokenResult.Issued issued, String error, String notice) {
        List<ApiToken> all = tokens.list();
        Map<Long, String> who = names.of(all.stream().map(ApiToken::userId).toList());
        Map<String, Object> model = new HashMap<>();
        model.put("tokens", all.stream().map(t -> new TokenLine(t.id(), t.name(), who.get(t.userId()), t.key(),
                Formats.time(t.createdAt()), Formats.time(t.lastUsedAt()), Formats.time(t.revokedAt()), t.revoked()))
                .toList());
        model.put("issued", issued == null ? null : issued.secret());
        model.put("issuedName", issued == null ? null : issued.token().name());
        model.put("error", error);
        model.put("notice", notice);
        return new ModelAndView<>(VIEW, model);
    }
}
