package ticketdesk.admin.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ticketdesk.admin.web.Formats;
import ticketdesk.core.Times;

/** Every ticket event, filtered and paged by keyset, and the CSV export of the current filter. */
@Controller("/admin/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {

    static final String VIEW = "audit/list";
    static final int PAGE_SIZE = 50;

    private final AuditQueries queries;
    private final Times times;

    AuditController(AuditQueries queries, Times times) {
        this.queries = queries;
        this.times = times;
    }

    record EventLine(long id, String time, long ticketId, String ticketTitle, Long actorId, String actor,
                     String event, String fromStatus, String toStatus, String detail, String channel) {
    }

    @Get
    ModelAndView<Map<String, Object>> list(@Nullable @QueryValue String actor, @Nullable @QueryValue String type,
                                           @Nullable @QueryValue String ticket, @Nullable @QueryValue String from,
                                           @Nullable @QueryValue String to, @Nullable @QueryValue String after) {
        AuditFilter filter = AuditFilter.of(actor, type, ticket, from, to);
        List<AuditRow> rows = queries.page(filter, Cursor.parse(after).orElse(null), PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        List<AuditRow> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
        Map<String, Object> model = new HashMap<>();
        model.put("filter", filter);
        model.put("events", shown.stream().map(AuditController::line).toList());
        model.put("next", more ? shown.get(shown.size() - 1).cursor().token() : null);
        model.put("paged", after != null && !after.isBlank());
        model.put("types", AuditFilter.TYPES);
        return new ModelAndView<>(VIEW, model);
    }

    @Get("/export.csv")
    HttpResponse<StreamedFile> export(@Nullable @QueryValue String actor, @Nullable @QueryValue String type,
                                      @Nullable @QueryValue String ticket, @Nullable @QueryValue String from,
                                      @Nullable @QueryValue String to) {
        AuditFilter filter = AuditFilter.of(actor, type, ticket, from, to);
        String name = "ticketdesk-audit-" + times.now().toLocalDate() + ".csv";
        return HttpResponse.ok(new StreamedFile(AuditCsv.of(queries, filter),
                        MediaType.of("text/csv;charset=utf-8")))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    private static EventLine line(AuditRow r) {
        return new EventLine(r.id(), Formats.time(r.createdAt()), r.ticketId(), r.ticketTitle(), r.actorId(),
                r.actorName(), Formats.label(r.eventType()), Formats.label(r.fromStatus()),
                Formats.label(r.toStatus()), r.detail(), r.channel());
    }
}
