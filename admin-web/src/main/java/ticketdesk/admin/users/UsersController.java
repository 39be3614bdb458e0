package ticketdesk.admin.users;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import ticketdesk.admin.web.ErrorPages;
import ticketdesk.admin.web.PanelActor;
import ticketdesk.core.user.ManagingUsers;
import ticketdesk.core.user.NewUser;
import ticketdesk.core.user.Platform;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserChanges;
import ticketdesk.core.user.UserDirectory;
import ticketdesk.core.user.UserResult;

/** Lists, creates and edits users; every write goes through core's {@link ManagingUsers}. */
@Controller("/admin/users")
@ExecuteOn(TaskExecutors.BLOCKING)
class UsersController {

    static final String VIEW_LIST = "users/list";

    private final UserListing listing;
    private final UserDirectory directory;
    private final ManagingUsers managing;
    private final PanelActor actors;
    private final ErrorPages errors;

    UsersController(UserListing listing, UserDirectory directory, ManagingUsers managing, PanelActor actors,
                    ErrorPages errors) {
        this.listing = listing;
        this.directory = directory;
        this.managing = managing;
        this.actors = actors;
        this.errors = errors;
    }

    @Get
    ModelAndView<Map<String, Object>> list(@Nullable @QueryValue String q, @Nullable @QueryValue String role,
                                           @Nullable @QueryValue String active, @Nullable @QueryValue Integer page) {
        UserFilter filter = UserFilter.of(q, role, active, page);
        UserListing.Page shown = listing.search(filter);
        Map<String, Object> model = new HashMap<>();
        model.put("filter", filter);
        model.put("users", shown.users());
        model.put("page", shown.number());
        model.put("lastPage", shown.last());
        model.put("nextPage", shown.number() < shown.last() ? shown.number() + 1 : null);
        model.put("prevPage", shown.number() > 1 ? shown.number() - 1 : null);
        model.put("roles", UserPage.ROLES);
        return new ModelAndView<>(VIEW_LIST, model);
    }

    @Get("/new")
    ModelAndView<Map<String, Object>> initCreationForm() {
        return UserPage.form(null, UserForm.blank(), null, null);
    }

    @Post("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> processCreationForm(HttpRequest<?> request, @Body UserForm form, Authentication authentication) {
        Optional<Role> role = form.parsedRole();
        if (role.isEmpty()) {
            return refused(null, form, "Choose a role: employee, responder or admin.");
        }
        UserResult result = managing.create(new NewUser(form.displayName(), form.email(), form.phone(), role.get(),
                form.profession(), form.organization(), form.slackUserId(),
                form.hasPassword() ? form.password() : null), actors.of(authentication, request));
        if (result instanceof UserResult.Saved saved) {
            return HttpResponse.seeOther(URI.create("/admin/users/" + saved.user().id() + "?done=created"));
        }
        return refused(null, form, ((UserResult.Refused) result).refusal().message());
    }

    @Get("/{id}")
    HttpResponse<?> initUpdateForm(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String done,
                                   @Nullable @QueryValue Integer returned) {
        Optional<User> user = directory.byId(id);
        if (user.isEmpty()) {
            return errors.notFound(request, "user #" + id, "/admin/users", "Users");
        }
        String slack = directory.identityOf(id, Platform.SLACK).orElse("");
        return HttpResponse.ok(UserPage.form(user.get(), UserForm.of(user.get(), slack), null,
                UserPage.notice(done, returned)));
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> processUpdateForm(HttpRequest<?> request, @PathVariable long id, @Body UserForm form,
                                      Authentication authentication) {
        Optional<User> user = directory.byId(id);
        if (user.isEmpty()) {
            return errors.notFound(request, "user #" + id, "/admin/users", "Users");
        }
        Optional<Role> role = form.parsedRole();
        if (role.isEmpty()) {
            return refused(user.get(), form, "Choose a role: employee, responder or admin.");
        }
        UserResult result = managing.update(new UserChanges(id, form.displayName(), form.email(), form.phone(),
                role.get(), form.profession(), form.organization(), form.slackUserId()),
                form.hasPassword() ? form.password() : null, actors.of(authentication, request));
        if (result instanceof UserResult.Refused refused) {
            return refused(user.get(), form, refused.refusal().message());
        }
        return HttpResponse.seeOther(URI.create("/admin/users/" + id + "?done=updated"));
    }

    private HttpResponse<?> refused(User user, UserForm form, String message) {
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(UserPage.form(user, form, message, null));
    }
}
