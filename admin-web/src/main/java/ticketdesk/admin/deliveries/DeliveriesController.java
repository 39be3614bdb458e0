package ticketdesk.admin.deliveries;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ticketdesk.admin.web.Formats;
import ticketdesk.admin.web.UserNames;
import ticketdesk.core.Refusal;
import ticketdesk.core.outbox.DeliveryTroubles;

/** Notifications that failed or wait too long (channel, recipient, attempts, last error), with Retry for failed ones. */
@Controller("/admin/deliveries")
@ExecuteOn(TaskExecutors.BLOCKING)
class DeliveriesController {

    static final String VIEW = "deliveries/list";
    static final int SHOWN = 200;

    private final DeliveryTroubles troubles;
    private final UserNames names;

    DeliveriesController(DeliveryTroubles troubles, UserNames names) {
        this.troubles = troubles;
        this.names = names;
    }

    /** One line of the list. */
    record DeliveryLine(long id, Long ticketId, String channel, String kind, String recipient, boolean failed,
                        int attempts, String nextAttemptAt, String lastError, String createdAt) {
    }

    @Get
    ModelAndView<Map<String, Object>> list(@Nullable @QueryValue String done) {
        return page("retried".equals(done) ? "Queued again: it is delivered within a few seconds." : null, null);
    }

    @Post("/{id}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> retry(@PathVariable long id) {
        Optional<Refusal> refused = troubles.retry(id);
        if (refused.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/admin/deliveries?done=retried"));
        }
        return HttpResponse.status(HttpStatus.CONFLICT).body(page(null, refused.get().message()));
    }

    private ModelAndView<Map<String, Object>> page(String notice, String error) {
        List<DeliveryTroubles.Trouble> shown = troubles.list(SHOWN);
        Map<Long, String> who = names.of(shown.stream().map(DeliveryTroubles.Trouble::recipientUserId).toList());
        Map<String, Object> model = new HashMap<>();
        model.put("deliveries", shown.stream().map(t -> new DeliveryLine(t.id(), t.ticketId(), t.channel().db(),
                t.kind().db(), t.recipientUserId() == null ? "everyone there" : who.get(t.recipientUserId()),
                t.failed(), t.attempts(), Formats.time(t.nextAttemptAt()), t.lastError(),
                Formats.time(t.createdAt()))).toList());
        model.put("notice", notice);
        model.put("error", error);
        model.put("longPendingMinutes", DeliveryTroubles.LONG_PENDING.toMinutes());
        return new ModelAndView<>(VIEW, model);
    }
}
