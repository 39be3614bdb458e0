package ticketdesk.admin.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.annotation.Filter;
import io.micronaut.views.ViewsFilter;
import io.micronaut.views.ViewsModelDecorator;
import io.micronaut.views.ViewsRendererLocator;
import io.micronaut.views.ViewsResolver;
import io.micronaut.views.turbo.TurboFrameRenderer;
import io.micronaut.views.turbo.TurboStreamRenderer;

/**
 * Micronaut Views' filter, which renders a controller's {@code ModelAndView} into a page, on the panel's paths
 * only. As shipped it wraps every request of the service ({@code /**}) in a reactive filter step, and Slack
 * clicks, inbound mail and health checks, which never render a view, paid for it: a fifth of the HTTP event
 * loop's CPU in the claim storm.
 */
@Replaces(ViewsFilter.class)
@Filter({"/admin", "/admin/**"})
class PanelViews extends ViewsFilter {

    PanelViews(ViewsResolver resolver, ViewsRendererLocator renderers, ViewsModelDecorator decorator,
               TurboStreamRenderer streams, TurboFrameRenderer frames) {
        super(resolver, renderers, decorator, streams, frames);
    }
}
