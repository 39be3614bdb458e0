package ticketdesk.admin.api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import ticketdesk.admin.api.AdminsOnly;
import ticketdesk.admin.api.ApiCaller;
import ticketdesk.admin.api.Problem;
import ticketdesk.admin.api.Times;
import ticketdesk.admin.audit.AuditFilter;
import ticketdesk.admin.audit.AuditQueries;
import ticketdesk.admin.audit.AuditRow;
import ticketdesk.admin.audit.Cursor;

/** The audit feed for export (admins): every ticket event, newest first, with the panel's filters and cursor. */
@Controller(value = "/api/v1/events", produces = MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "events")
class EventsApi {

    static final int MAX_LIMIT = 500;

    private final AuditQueries queries;

    EventsApi(AuditQueries queries) {
        this.queries = queries;
    }

    /** One audit event as stored, with the ticket's title and the actor's name (null actor: the system). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Serdeable
    record EventItem(long id, String type, long ticketId, String ticketTitle, Long actorId, String actor,
                     String fromStatus, String toStatus, String field, String oldValue, String newValue,
                     String channel, Instant createdAt) {
    }

    /** One page; {@code next} is the {@code after} of the next (older) page, null on the last. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Serdeable
    record EventPage(List<EventItem> items, String next) {
    }

    @Get
    @Operation(summary = "Ticket events newest first; filters as in the panel's audit view, pages by 'after' (admins)")
    HttpResponse<?> list(@Nullable @QueryValue String actor, @Nullable @QueryValue String type,
                         @Nullable @QueryValue String ticket, @Nullable @QueryValue String from,
                         @Nullable @QueryValue String to, @Nullable @QueryValue String after,
                         @Nullable @QueryValue Integer limit,
                         @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
        return AdminsOnly.refusal(caller, "read the audit feed").<HttpResponse<?>>map(Problem::of).orElseGet(() -> {
            int size = limit == null ? 100 : Math.max(1, Math.min(limit, MAX_LIMIT));
            List<AuditRow> rows = queries.exportPage(AuditFilter.of(actor, type, ticket, from, to),
                    Cursor.parse(after).orElse(null), size + 1);
            boolean more = rows.size() > size;
            List<AuditRow> shown = more ? rows.subList(0, size) : rows;
            return HttpResponse.ok(new EventPage(shown.stream().map(EventsApi::item).toList(),
                    more ? shown.get(shown.size() - 1).cursor().token() : null));
        });
    }

    private static EventItem item(AuditRow r) {
        return new EventItem(r.id(), r.eventType(), r.ticketId(), r.ticketTitle(), r.actorId(), r.actor(),
                r.fromStatus(), r.toStatus(), r.field(), r.oldValue(), r.newValue(), r.channel(),
                Times.of(r.createdAt()));
    }
}
