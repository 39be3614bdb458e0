package ticketdesk.admin.api.users;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Optional;
import ticketdesk.admin.api.AdminsOnly;
import ticketdesk.admin.api.ApiCaller;
import ticketdesk.admin.api.Problem;
import ticketdesk.admin.users.UserFilter;
import ticketdesk.admin.users.UserListing;
import ticketdesk.core.Channel;
import ticketdesk.core.Refusal;
import ticketdesk.core.user.DeactivatingUser;
import ticketdesk.core.user.ManagingUsers;
import ticketdesk.core.user.NewUser;
import ticketdesk.core.user.Platform;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserChanges;
import ticketdesk.core.user.UserDirectory;
import ticketdesk.core.user.UserResult;

/** Users, for admins: the panel's list and search, one user, create, replace, deactivate and reactivate. */
@Controller(value = "/api/v1/users", produces = MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "users")
class UsersApi {

    private static final String WHAT = "manage users";

    private final UserListing listing;
    private final UserDirectory directory;
    private final ManagingUsers managing;
    private final DeactivatingUser deactivating;

    UsersApi(UserListing listing, UserDirectory directory, ManagingUsers managing, DeactivatingUser deactivating) {
        this.listing = listing;
        this.directory = directory;
        this.managing = managing;
        this.deactivating = deactivating;
    }

    @Get
    @Operation(summary = "Users by name, searched and filtered as in the panel (admins)")
    HttpResponse<?> list(@Nullable @QueryValue String q, @Nullable @QueryValue String role,
                         @Nullable @QueryValue String active, @Nullable @QueryValue Integer page,
                         @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
        return AdminsOnly.refusal(caller, WHAT).<HttpResponse<?>>map(Problem::of).orElseGet(() -> {
            UserListing.Page found = listing.search(UserFilter.of(q, role, active, page));
            return HttpResponse.ok(new UserPage(found.users().stream().map(UserView::of).toList(), found.number(),
                    found.last()));
        });
    }

    @Get("/{id}")
    @Operation(summary = "One user (admins)")
    HttpResponse<?> get(@PathVariable long id,
                        @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
        return AdminsOnly.refusal(caller, WHAT).<HttpResponse<?>>map(Problem::of).orElseGet(() ->
                directory.byId(id).<HttpResponse<?>>map(u -> HttpResponse.ok(view(u)))
                        .orElseGet(() -> Problem.of(Refusal.notFound("user #" + id))));
    }

    @Post
    @Operation(summary = "Creates an active user (admins)")
    HttpResponse<?> create(@Body UserInput input,
                           @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
        Optional<Refusal> refusal = AdminsOnly.refusal(caller, WHAT).or(() -> roleRefusal(input));
        if (refusal.isPresent()) {
            return Problem.of(refusal.get());
        }
        UserResult result = managing.create(new NewUser(input.displayName(), input.email(), input.phone(),
                input.parsedRole().orElseThrow(), input.profession(), input.organization(), input.slackUserId(), null));
        if (result instanceof UserResult.Saved saved) {
            return HttpResponse.created(view(saved.user()), URI.create("/api/v1/users/" + saved.user().id()));
        }
        return Problem.of(((UserResult.Refused) result).refusal());
    }

    @Put("/{id}")
    @Operation(summary = "Replaces every field of a user (admins); a field left out is cleared")
    HttpResponse<?> update(@PathVariable long id, @Body UserInput input,
                           @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
        Optional<Refusal> refusal = AdminsOnly.refusal(caller, WHAT).or(() -> roleRefusal(input));
        if (refusal.isPresent()) {
            return Problem.of(refusal.get());
        }
        UserResult result = managing.update(new UserChanges(id, input.displayName(), input.email(), input.phone(),
                input.parsedRole().orElseThrow(), input.profession(), input.organization(), input.slackUserId()),
                null, caller.id(), Channel.API);
        if (result instanceof UserResult.Saved saved) {
            return HttpResponse.ok(view(saved.user()));
        }
        return Problem.of(((UserResult.Refused) result).refusal());
    }

    @Post("/{id}/deactivate")
    @Operation(summary = "Deactivates a user; the tickets they held go back to the pool (admins)")
    HttpResponse<?> deactivate(@PathVariable long id,
                               @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
        return AdminsOnly.refusal(caller, WHAT).<HttpResponse<?>>map(Problem::of)
                .orElseGet(() -> outcome(deactivating.deactivate(id, caller.id(), Channel.API)));
    }

    @Post("/{id}/reactivate")
    @Operation(summary = "Reactivates a user (admins)")
    HttpResponse<?> reactivate(@PathVariable long id,
                               @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
        return AdminsOnly.refusal(caller, WHAT).<HttpResponse<?>>map(Problem::of)
                .orElseGet(() -> outcome(deactivating.reactivate(id)));
    }

    private HttpResponse<?> outcome(DeactivatingUser.Result result) {
        if (result instanceof DeactivatingUser.Result.Deactivated done) {
            return HttpResponse.ok(view(done.user()));
        }
        if (result instanceof DeactivatingUser.Result.Reactivated done) {
            return HttpResponse.ok(view(done.user()));
        }
        return Problem.of(((DeactivatingUser.Result.Refused) result).refusal());
    }

    private UserView view(User user) {
        return UserView.of(user, directory.identityOf(user.id(), Platform.SLACK).orElse(null));
    }

    private static Optional<Refusal> roleRefusal(UserInput input) {
        return input.parsedRole().isPresent() ? Optional.empty()
                : Optional.of(Refusal.invalid("role", "role must be one of employee, responder, admin"));
    }
}
