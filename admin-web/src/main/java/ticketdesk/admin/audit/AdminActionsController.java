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
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ticketdesk.admin.web.Formats;
import ticketdesk.core.Times;

/**
 * The audit's "Admin actions" tab: what admins did to accounts (created, changed field by field, role, password,
 * deactivated, reactivated) and to unmatched mail, and every sign-in and failed sign-in with its client address;
 * filtered, paged by keyset, and exported as CSV like the ticket events.
 */
@Controller("/admin/audit/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminActionsController {

    static final String VIEW = "audit/admin";
    static final List<String> HEADER = List.of("event_id", "time_utc", "user_id", "user", "actor_id", "actor",
            "event", "field", "old_value", "new_value", "channel", "address");

    record Line(long id, String time, long userId, String user, Long actorId, String actor, String event,
                String detail, String channel, String address) {
    }

    private final AdminActionQueries queries;
    private final Times times;

    AdminActionsController(AdminActionQueries queries, Times times) {
        this.queries = queries;
        this.times = times;
    }

    @Get
    ModelAndView<Map<String, Object>> list(@Nullable @QueryValue String actor, @Nullable @QueryValue String user,
                                           @Nullable @QueryValue String type, @Nullable @QueryValue String from,
                                           @Nullable @QueryValue String to, @Nullable @QueryValue String after) {
        AdminActionFilter filter = AdminActionFilter.of(actor, user, type, from, to);
        int size = AuditController.PAGE_SIZE;
        List<AdminActionRow> rows = queries.page(filter, Cursor.parse(after).orElse(null), size + 1);
        boolean more = rows.size() > size;
        List<AdminActionRow> shown = more ? rows.subList(0, size) : rows;
        Map<String, Object> model = new HashMap<>();
        model.put("filter", filter);
        model.put("events", shown.stream().map(AdminActionsController::line).toList());
        model.put("next", more ? shown.get(shown.size() - 1).cursor().token() : null);
        model.put("paged", after != null && !after.isBlank());
        model.put("types", AdminActionFilter.TYPES);
        return new ModelAndView<>(VIEW, model);
    }

    @Get("/export.csv")
    HttpResponse<StreamedFile> export(@Nullable @QueryValue String actor, @Nullable @QueryValue String user,
                                      @Nullable @QueryValue String type, @Nullable @QueryValue String from,
                                      @Nullable @QueryValue String to) {
        AdminActionFilter filter = AdminActionFilter.of(actor, user, type, from, to);
        InputStream csv = new CsvPages<>(HEADER, (c, limit) -> queries.page(filter, c, limit),
                AdminActionsController::cells, AdminActionRow::cursor);
        String name = "ticketdesk-admin-actions-" + times.now().toLocalDate() + ".csv";
        return HttpResponse.ok(new StreamedFile(csv, MediaType.of("text/csv;charset=utf-8")))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    static List<String> cells(AdminActionRow r) {
        return Arrays.asList(Long.toString(r.id()), r.createdAt().toString(), Long.toString(r.userId()), r.user(),
                r.actorId() == null ? "" : r.actorId().toString(), r.actorName(), r.eventType(), r.field(),
                r.oldValue(), r.newValue(), r.channel(), r.address());
    }

    private static Line line(AdminActionRow r) {
        return new Line(r.id(), Formats.time(r.createdAt()), r.userId(), r.user(), r.actorId(), r.actorName(),
                Formats.label(r.eventType()), Formats.change(r.field(), r.oldValue(), r.newValue()), r.channel(),
                r.address());
    }
}
