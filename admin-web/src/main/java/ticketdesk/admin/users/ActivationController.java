package ticketdesk.admin.users;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import java.net.URI;
import java.util.Optional;
import ticketdesk.admin.web.ErrorPages;
import ticketdesk.admin.web.PanelActor;
import ticketdesk.core.user.DeactivatingUser;
import ticketdesk.core.user.Platform;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

/** Soft-deletes and restores users through core's {@link DeactivatingUser}; the page says what came of it. */
@Controller("/admin/users/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
class ActivationController {

    private final DeactivatingUser deactivating;
    private final UserDirectory directory;
    private final PanelActor actors;
    private final ErrorPages errors;

    ActivationController(DeactivatingUser deactivating, UserDirectory directory, PanelActor actors,
                         ErrorPages errors) {
        this.deactivating = deactivating;
        this.directory = directory;
        this.actors = actors;
        this.errors = errors;
    }

    @Post("/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deactivate(HttpRequest<?> request, @PathVariable long id, Authentication authentication) {
        return outcome(request, id, deactivating.deactivate(id, actors.of(authentication, request)));
    }

    @Post("/reactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reactivate(HttpRequest<?> request, @PathVariable long id, Authentication authentication) {
        return outcome(request, id, deactivating.reactivate(id, actors.of(authentication, request)));
    }

    private HttpResponse<?> outcome(HttpRequest<?> request, long id, DeactivatingUser.Result result) {
        if (result instanceof DeactivatingUser.Result.Deactivated deactivated) {
            return HttpResponse.seeOther(URI.create("/admin/users/" + id + "?done=deactivated&returned="
                    + deactivated.ticketsReturned()));
        }
        if (result instanceof DeactivatingUser.Result.Reactivated) {
            return HttpResponse.seeOther(URI.create("/admin/users/" + id + "?done=reactivated"));
        }
        String message = ((DeactivatingUser.Result.Refused) result).refusal().message();
        Optional<User> user = directory.byId(id);
        if (user.isEmpty()) {
            return errors.notFound(request, "user #" + id, "/admin/users", "Users");
        }
        String slack = directory.identityOf(id, Platform.SLACK).orElse("");
        return HttpResponse.status(HttpStatus.CONFLICT)
                .body(UserPage.form(user.get(), UserForm.of(user.get(), slack), message, null));
    }
}
