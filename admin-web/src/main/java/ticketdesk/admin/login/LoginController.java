package ticketdesk.admin.login;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import ticketdesk.admin.web.AdminSession;
import ticketdesk.admin.web.ClientAddress;
import ticketdesk.admin.web.Csrf;
import ticketdesk.admin.web.CurrentAdmin;
import ticketdesk.admin.web.Formats;
import ticketdesk.core.user.UserSessions;

/** Sign-in and sign-out of the panel. */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
class LoginController {

    static final String VIEW = "login";

    private final AdminLogin login;
    private final AdminSession session;
    private final ClientAddress addresses;
    private final UserSessions sessions;
    private final ThrottleSettings settings;

    LoginController(AdminLogin login, AdminSession session, ClientAddress addresses, UserSessions sessions,
                    ThrottleSettings settings) {
        this.login = login;
        this.session = session;
        this.addresses = addresses;
        this.sessions = sessions;
        this.settings = settings;
    }

    @Serdeable
    record LoginForm(@Nullable String email, @Nullable String password) {
    }

    @Get("/login")
    HttpResponse<?> initLoginForm(HttpRequest<?> request) {
        return page(request, "", null, false, HttpStatus.OK);
    }

    @Post("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> processLoginForm(HttpRequest<?> request, @Body LoginForm form) {
        AdminLogin.Outcome outcome = login.attempt(form.email(), form.password() == null ? "" : form.password(),
                new AdminLogin.Client(addresses.keyOf(request), addresses.of(request)));
        String email = form.email() == null ? "" : form.email();
        if (outcome instanceof AdminLogin.Outcome.SignedIn signedIn) {
            return HttpResponse.seeOther(URI.create("/admin"))
                    .cookie(session.open(signedIn.admin(), signedIn.generation(), request))
                    .cookie(AdminSession.cookieFor(Csrf.LOGIN_COOKIE, "", request).maxAge(0));
        }
        if (outcome instanceof AdminLogin.Outcome.Locked locked) {
            return page(request, email, lockedMessage(locked.lock()), locked.lock() == LoginThrottle.Lock.ACCOUNT,
                    HttpStatus.TOO_MANY_REQUESTS);
        }
        return page(request, email, "Wrong email or password, or this account is not an active admin.", false,
                HttpStatus.UNAUTHORIZED);
    }

    /** Ends every session of the signed-in admin, on every device and instance, not only this browser's cookie. */
    @Post("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> logout(HttpRequest<?> request, Authentication authentication) {
        sessions.endAll(CurrentAdmin.of(authentication).id());
        return HttpResponse.seeOther(URI.create("/admin/login")).cookie(AdminSession.close(request));
    }

    private String lockedMessage(LoginThrottle.Lock lock) {
        String wait = Formats.duration(settings.getWindow());
        if (lock == LoginThrottle.Lock.ADDRESS) {
            return "Too many failed sign-ins from your address. Wait " + wait + " and try again.";
        }
        return "Too many failed sign-ins for this account, from several addresses: it is locked for up to " + wait
                + ", even with the right password.";
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, String email, String error, boolean accountLocked,
                                        HttpStatus status) {
        String token = Csrf.newToken();
        Map<String, Object> model = new HashMap<>();
        model.put("loginCsrf", token);
        model.put("email", email);
        model.put("error", error);
        model.put("accountLocked", accountLocked);
        return HttpResponse.status(status).body(new ModelAndView<>(VIEW, model))
                .cookie(AdminSession.cookieFor(Csrf.LOGIN_COOKIE, token, request));
    }
}
