package ticketdesk.admin.web;

import io.micronaut.security.authentication.Authentication;

/** The signed-in admin, as the panel's controllers need it. */
public record CurrentAdmin(long id) {

    public static CurrentAdmin of(Authentication authentication) {
        return new CurrentAdmin(Long.parseLong(authentication.getName()));
    }
}
