package ticketdesk.admin.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import java.util.Map;

/** Gives every panel page what its layout needs: the signed-in admin's name and the session's CSRF token. */
@Singleton
class PanelModel implements ViewModelProcessor<Map<String, Object>> {

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        modelAndView.getModel().ifPresent(model -> request.getUserPrincipal(Authentication.class).ifPresent(auth -> {
            model.putIfAbsent("csrf", Csrf.tokenOf(auth));
            Object name = auth.getAttributes().get(AdminSession.NAME_CLAIM);
            model.putIfAbsent("adminName", name == null ? "admin" : name.toString());
        }));
    }
}
