package ticketdesk.admin.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;

/**
 * Stand-ins, in this module's tests only, for routes other modules own that security must leave open (mail-ingest's
 * own routes are real here: the panel depends on it).
 */
@Controller
class OtherModulesEndpoints {

    @Post("/slack/events")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> slack(@Body java.util.Map<String, String> form) {
        return HttpResponse.ok("slack saw " + form.get("command"));
    }

    /** A route outside the panel whose body happens to be a view: the panel's renderer must leave it alone. */
    @Get("/mail/confirm/view")
    io.micronaut.views.ModelAndView<java.util.Map<String, Object>> view() {
        return new io.micronaut.views.ModelAndView<>("login", java.util.Map.of());
    }
}
