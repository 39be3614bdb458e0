package ticketdesk.admin.api.tickets;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import ticketdesk.admin.api.ApiCaller;
import ticketdesk.admin.api.Problem;
import ticketdesk.admin.api.Times;
import ticketdesk.admin.api.UserRef;
import ticketdesk.core.Channel;
import ticketdesk.core.message.AddNote;
import ticketdesk.core.message.AddingNote;
import ticketdesk.core.message.Message;
import ticketdesk.core.message.PostMessage;
import ticketdesk.core.message.PostResult;
import ticketdesk.core.message.PostingMessage;

/**
 * Replies and internal notes. An {@code Idempotency-Key} header makes a retried call store the message once (core
 * dedupes on channel and external id): the repeat answers 200 with the message stored the first time.
 */
@Controller(value = "/api/v1/tickets/{id}", produces = MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "tickets")
class TicketMessagesApi {

    private final PostingMessage posting;
    private final AddingNote noting;

    TicketMessagesApi(PostingMessage posting, AddingNote noting) {
        this.posting = posting;
        this.noting = noting;
    }

    @Serdeable
    record MessageInput(@Nullable String body) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Serdeable
    record Posted(long id, long ticketId, String type, UserRef sender, String body, java.time.Instant createdAt) {

        static Posted of(Message m, ApiCaller caller) {
            return new Posted(m.id(), m.ticketId(), m.type().db(), UserRef.of(caller.user()), m.body(),
                    Times.of(m.createdAt()));
        }
    }

    @Post("/messages")
    @Operation(summary = "Adds a reply; it reaches the other party on their channels")
    HttpResponse<?> reply(@PathVariable long id, @Body MessageInput input,
                          @Nullable @Header("Idempotency-Key") String key,
                          @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
        return answer(posting.post(new PostMessage(id, caller.id(), input.body(), Channel.API, externalId(caller, key))),
                caller);
    }

    @Post("/notes")
    @Operation(summary = "Adds an internal note, for responders and admins only")
    HttpResponse<?> note(@PathVariable long id, @Body MessageInput input,
                         @Nullable @Header("Idempotency-Key") String key,
                         @Parameter(hidden = true) @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
        return answer(noting.add(new AddNote(id, caller.id(), input.body(), Channel.API, externalId(caller, key))),
                caller);
    }

    private static HttpResponse<?> answer(PostResult result, ApiCaller caller) {
        if (result instanceof PostResult.Posted posted) {
            return HttpResponse.created(Posted.of(posted.message(), caller),
                    URI.create("/api/v1/tickets/" + posted.ticket().id()));
        }
        if (result instanceof PostResult.Duplicate duplicate) {
            return HttpResponse.ok(Posted.of(duplicate.existing(), caller));
        }
        return Problem.of(((PostResult.Refused) result).refusal());
    }

    /** A client's key is its own: two users' equal keys never meet. */
    private static String externalId(ApiCaller caller, String key) {
        return key == null || key.isBlank() ? null : "user-" + caller.id() + ":" + key.strip();
    }
}
