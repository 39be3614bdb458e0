package ticketdesk.admin.web;

import io.micronaut.core.io.Writable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.views.ModelAndView;

/**
 * A page the panel does not have, or an address it cannot read (a word where a ticket number belongs), gets the
 * panel's own 404 or 400 page instead of the framework's JSON.
 */
@ServerFilter({"/admin", "/admin/**"})
class PanelErrorFilter implements Ordered {

    private final ErrorPages pages;

    PanelErrorFilter(ErrorPages pages) {
        this.pages = pages;
    }

    @ResponseFilter
    MutableHttpResponse<?> page(HttpRequest<?> request, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        Object body = response.getBody().orElse(null);
        // the panel's own pages are views or already rendered; the router's answer is JSON, or its HTML for a browser
        boolean panelPage = body instanceof ModelAndView || body instanceof Writable;
        if (request.getMethod() != HttpMethod.GET || panelPage) {
            return response;
        }
        if (status == HttpStatus.NOT_FOUND) {
            return pages.page(request, status, "Not found", "The panel has no page at " + request.getPath() + ".",
                    "/admin", "Dashboard");
        }
        if (status == HttpStatus.BAD_REQUEST) {
            return pages.page(request, status, "Cannot show this", "The address " + request.getPath()
                    + " could not be read: a number or a value is not what the panel expects there.", "/admin",
                    "Dashboard");
        }
        return response;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.RENDERING.after();
    }
}
