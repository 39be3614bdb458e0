package ticketdesk.admin.web;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * The panel's pages for what went wrong: an unknown ticket, user or mail (404), an address or filter the panel cannot
 * read (400). Rendered here rather than by the views filter, which renders only what a route returned, so an
 * exception handler's or the router's answer gets the same page.
 */
@Singleton
public class ErrorPages {

    static final String VIEW = "error";

    private final ViewsRendererLocator renderers;
    private final PanelModel panel;

    ErrorPages(ViewsRendererLocator renderers, PanelModel panel) {
        this.renderers = renderers;
        this.panel = panel;
    }

    /** 404: {@code what} (e.g. "ticket #12") does not exist; the page links back to {@code list}. */
    public MutableHttpResponse<?> notFound(HttpRequest<?> request, String what, String list, String listLabel) {
        return page(request, HttpStatus.NOT_FOUND, "Not found", "There is no " + what + ".", list, listLabel);
    }

    /** 400: the address asks for something the panel cannot read; {@code message} says what. */
    public MutableHttpResponse<?> badRequest(HttpRequest<?> request, String message) {
        return page(request, HttpStatus.BAD_REQUEST, "Cannot show this", message, "/admin", "Dashboard");
    }

    @SuppressWarnings("unchecked")
    MutableHttpResponse<?> page(HttpRequest<?> request, HttpStatus status, String title, String message, String back,
                                String backLabel) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.getCode());
        model.put("title", title);
        model.put("message", message);
        model.put("back", back);
        model.put("backLabel", backLabel);
        ModelAndView<Map<String, Object>> page = new ModelAndView<>(VIEW, model);
        panel.process(request, page);
        ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer = renderers
                .resolveViewsRenderer(VIEW, MediaType.TEXT_HTML, model).orElseThrow();
        Writable html = renderer.render(VIEW, model, request);
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML + ";charset=utf-8").body(html);
    }
}
