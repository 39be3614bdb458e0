package ticketdesk.admin.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;

/**
 * A refused panel page sends the browser to the login page (and clears a session that no longer counts);
 * everything outside the panel keeps micronaut-security's answer.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class PanelAuthorizationHandler extends DefaultAuthorizationExceptionHandler {

    PanelAuthorizationHandler(ErrorResponseProcessor<?> errorResponseProcessor,
                              RedirectConfiguration redirectConfiguration, RedirectService redirectService,
                              List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challengeProviders,
                              @Nullable PriorToLoginPersistence priorToLoginPersistence) {
        super(errorResponseProcessor, redirectConfiguration, redirectService, challengeProviders,
                priorToLoginPersistence);
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (!AdminSecurityRule.isPanel(request.getPath())) {
            return super.handle(request, exception);
        }
        if (request.getMethod().name().equals("GET")) {
            return HttpResponse.seeOther(URI.create("/admin/login")).cookie(AdminSession.close(request));
        }
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN_TYPE)
                .cookie(AdminSession.close(request))
                .body("Your admin session has ended; sign in again at /admin/login.");
    }
}
