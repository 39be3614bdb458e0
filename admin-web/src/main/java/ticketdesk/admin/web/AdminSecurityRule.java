package ticketdesk.admin.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.UserSessions;

/**
 * Who may reach what. The service runs micronaut-security's filter on {@code /admin/**} only
 * ({@code micronaut.security.filter.pattern} in app's application.yml; app's ShippedSettingsTest fails on
 * any other route that is not known to check its own proof). Where the filter runs everywhere (this
 * module's tests), the rule lets everything outside {@code /admin} through (Slack, inbound mail, confirm pages,
 * health and the API's bearer tokens have their own checks). It opens the login page and the stylesheet, and lets
 * the rest of {@code /admin} through only for a session of a user who is, right now, an active admin, and whose
 * sessions have not been ended since it opened (signed out, deactivated, role or password changed): one read of the
 * user's row by primary key per panel request, so an ended session is refused at once on every instance.
 */
@Singleton
class AdminSecurityRule implements SecurityRule<HttpRequest<?>> {

    /** After the annotation and URL-map rules, so an explicit rule elsewhere still wins. */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 1000;

    private final UserSessions sessions;

    AdminSecurityRule(UserSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request,
                                               @Nullable Authentication authentication) {
        if (request == null) {
            return Mono.just(SecurityRuleResult.UNKNOWN);
        }
        String path = request.getPath();
        if (!isPanel(path)) {
            return Mono.just(SecurityRuleResult.ALLOWED);
        }
        if (path.equals("/admin/login") || path.startsWith("/admin/assets/")) {
            return Mono.just(SecurityRuleResult.ALLOWED);
        }
        if (authentication == null || !authentication.getRoles().contains(AdminSession.ROLE)) {
            return Mono.just(SecurityRuleResult.REJECTED);
        }
        return Mono.fromCallable(() -> isCurrentAdmin(authentication))
                .subscribeOn(Schedulers.boundedElastic())
                .map(ok -> ok ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }

    private boolean isCurrentAdmin(Authentication authentication) {
        try {
            long userId = Long.parseLong(authentication.getName());
            return AdminSession.generationOf(authentication)
                    .flatMap(generation -> sessions.holderOf(userId, generation))
                    .filter(user -> user.role() == Role.ADMIN)
                    .isPresent();
        } catch (NumberFormatException notOurs) {
            return false;
        }
    }

    static boolean isPanel(String path) {
        return path.equals("/admin") || path.startsWith("/admin/");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
