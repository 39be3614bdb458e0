package ticketdesk.admin.users;

import io.micronaut.views.ModelAndView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;

/** The model of a user's page (and of the new-user form), shared by the users controllers. */
final class UserPage {

    static final String VIEW = "users/form";
    static final List<String> ROLES = List.of(Role.EMPLOYEE.db(), Role.RESPONDER.db(), Role.ADMIN.db());

    private UserPage() {
    }

    static ModelAndView<Map<String, Object>> form(User user, UserForm form, String error, String notice) {
        Map<String, Object> model = new HashMap<>();
        model.put("user", user == null ? null : UserView.of(user));
        model.put("form", form);
        model.put("error", error);
        model.put("notice", notice);
        model.put("roles", ROLES);
        return new ModelAndView<>(VIEW, model);
    }

    /** The confirmation shown after a redirect, from the outcome named in the query string. */
    static String notice(String done, Integer returned) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "created" -> "User created.";
            case "updated" -> "Changes saved.";
            case "reactivated" -> "User reactivated.";
            case "deactivated" -> {
                int n = returned == null ? 0 : Math.max(0, returned);
                yield "User deactivated; " + n + (n == 1 ? " ticket" : " tickets") + " returned to the pool.";
            }
            default -> null;
        };
    }
}
