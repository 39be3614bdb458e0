package ticketdesk.admin.dashboard;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ticketdesk.admin.web.Formats;
import ticketdesk.core.Times;
import ticketdesk.core.outbox.DeliveryTroubles;

/**
 * The panel's home: tickets by status, how fast they are claimed and resolved, who holds and declines what, each
 * figure once; and a link to the Deliveries page when notifications failed or wait too long.
 */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
class DashboardController {

    static final String VIEW = "dashboard";

    private final DashboardQueries queries;
    private final DeliveryTroubles troubles;
    private final Times times;

    DashboardController(DashboardQueries queries, DeliveryTroubles troubles, Times times) {
        this.queries = queries;
        this.troubles = troubles;
        this.times = times;
    }

    record Speed(String period, String toClaim, String toResolve) {
    }

    @Get
    ModelAndView<Map<String, Object>> dashboard() {
        LocalDateTime now = times.now();
        Map<String, Long> byStatus = queries.ticketsByStatus();
        List<DashboardQueries.Count> open = queries.openPerResponder();
        List<DashboardQueries.Count> declines = queries.declinesPerResponder();
        Map<String, Object> model = new HashMap<>();
        model.put("troubles", troubles.count());
        model.put("byStatus", byStatus.entrySet().stream()
                .map(e -> new DashboardQueries.Count(Formats.label(e.getKey()), e.getValue())).toList());
        model.put("speeds", List.of(speed("last 7 days", now.minusDays(7)), speed("last 30 days", now.minusDays(30))));
        model.put("open", BarRow.of(open));
        model.put("declines", BarRow.of(declines));
        model.put("barWidth", BarRow.WIDTH);
        return new ModelAndView<>(VIEW, model);
    }

    private Speed speed(String period, LocalDateTime since) {
        return new Speed(period, Formats.duration(queries.medianTimeToClaim(since)),
                Formats.duration(queries.medianTimeToResolve(since)));
    }
}
