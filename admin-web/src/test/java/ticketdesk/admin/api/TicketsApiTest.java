package ticketdesk.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.User;

/** Every ticket endpoint over HTTP against MariaDB: its happy path through core's use case, and its refusals. */
@MicronautTest(transactional = false)
class TicketsApiTest extends ApiTest {

    @Test
    void anEmployeeOpensATicketWithSourceApiAndSeesOnlyTheirOwn() {
        User emma = world.employee("Emma Employee");
        Ticket others = world.pendingTicket(world.employee("Otto Other"), "someone else's");

        ApiClient.Answer opened = as(emma).post("/api/v1/tickets",
                Map.of("title", "  VPN down  ", "description", "since 9am", "priority", "HIGH", "category", "network"));

        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        assertThat(opened.body()).containsEntry("title", "VPN down").containsEntry("status", "pending")
                .containsEntry("source", "api").containsEntry("priority", "high");
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'created'"
                + " AND channel = 'api' AND actor_id = ?", opened.id(), emma.id())).isEqualTo(1);
        ApiClient.Answer mine = as(emma).get("/api/v1/tickets");
        assertThat(mine.list("items")).extracting(t -> t.get("title")).containsExactly("VPN down");
        ApiClient.Answer hidden = as(emma).get("/api/v1/tickets/" + others.id());
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.contentType()).startsWith("application/problem+json");
        assertThat(hidden.body()).containsEntry("reason", "NOT_FOUND").containsEntry("status", 404);
        assertThat(as(world.employee("Newcomer")).get("/api/v1/tickets").body())
                .as("an empty page still names its fields").containsEntry("items", List.of()).containsEntry("next", null);
        assertThat(opened.body()).containsEntry("responder", null).containsEntry("claimedAt", null);
    }

    @Test
    void aClaimResolveAndReopenGoThroughCoreAndTheLoserIsToldWhoHoldsIt() {
        User requester = world.employee("Rita Requester");
        User alice = world.responder("Alice Api");
        User bob = world.responder("Bob Api");
        Ticket ticket = world.pendingTicket(requester, "printer on fire");
        String path = "/api/v1/tickets/" + ticket.id();

        ApiClient.Answer claimed = as(alice).post(path + "/claim", null);
        ApiClient.Answer lost = as(bob).post(path + "/claim", null);
        ApiClient.Answer resolved = as(alice).post(path + "/resolve", null);
        ApiClient.Answer reopened = as(requester).post(path + "/reopen", null);

        assertThat(claimed.status()).as(claimed.raw()).isEqualTo(200);
        assertThat(claimed.body()).containsEntry("status", "in_process");
        assertThat(lost.status()).isEqualTo(409);
        assertThat(lost.body()).containsEntry("reason", "ALREADY_CLAIMED");
        assertThat(lost.body().get("holder")).isEqualTo(Map.of("id", (int) alice.id(), "name", "Alice Api"));
        assertThat(resolved.body()).containsEntry("status", "done");
        assertThat(reopened.body()).containsEntry("status", "in_process");
        ApiClient.Answer detail = as(requester).get(path);
        assertThat(detail.list("timeline")).extracting(e -> e.get("type"))
                .containsExactly("created", "claimed", "resolved", "reopened");
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND channel = 'api'", ticket.id()))
                .isEqualTo(3);
    }

    @Test
    void refusalsAreProblemsWithTheReasonAndNothingIsHalfApplied() {
        User emma = world.employee("Emma Refused");
        User rick = world.responder("Rick Refused");
        Ticket ticket = world.pendingTicket(emma, "refusals");
        String path = "/api/v1/tickets/" + ticket.id();
        long events = db.count("SELECT COUNT(*) FROM ticket_events");

        assertProblem(as(emma).post("/api/v1/tickets", Map.of("title", "   ")), 400, "INVALID_INPUT", "title");
        assertProblem(as(emma).post("/api/v1/tickets", Map.of("title", "x", "priority", "whenever")), 400,
                "INVALID_INPUT", "priority");
        assertProblem(as(emma).post(path + "/claim", null), 403, "WRONG_ROLE", null);
        assertProblem(as(rick).post(path + "/resolve", null), 403, "NOT_ALLOWED", null);
        assertProblem(as(emma).post(path + "/reopen", null), 409, "ILLEGAL_TRANSITION", null);
        assertProblem(as(rick).post("/api/v1/tickets/999999/claim", null), 404, "NOT_FOUND", null);
        assertThat(as(rick).post(path + "/decline", null).status()).isEqualTo(200);
        assertProblem(as(rick).post(path + "/claim", null), 409, "DECLINED", null);
        assertProblem(as(emma).patch(path, Map.of("title", "y".repeat(201))), 400, "INVALID_INPUT", "title");

        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE requester_id = ?", emma.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events")).as("only the decline").isEqualTo(events + 1);
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND title = 'refusals' AND status = 'pending'",
                ticket.id())).isEqualTo(1);
    }

    @Test
    void internalNotesReachRespondersButNeverAnEmployeesToken() {
        User emma = world.employee("Emma Notes");
        User rob = world.responder("Rob Notes");
        Ticket ticket = world.claimedTicket(emma, rob);
        String path = "/api/v1/tickets/" + ticket.id();

        ApiClient.Answer note = as(rob).post(path + "/notes", Map.of("body", "her laptop is out of warranty"));
        ApiClient.Answer reply = as(rob).post(path + "/messages", Map.of("body", "on my way"));

        assertThat(note.status()).as(note.raw()).isEqualTo(201);
        assertThat(reply.status()).isEqualTo(201);
        ApiClient.Answer asEmployee = as(emma).get(path);
        assertThat(asEmployee.list("messages")).extracting(m -> m.get("body")).containsExactly("on my way");
        assertThat(asEmployee.list("timeline")).extracting(e -> e.get("type")).doesNotContain("note");
        assertThat(asEmployee.raw()).doesNotContain("warranty");
        assertThat(as(rob).get(path).list("messages")).extracting(m -> m.get("type"))
                .containsExactly("note", "direct");
        assertProblem(as(emma).post(path + "/notes", Map.of("body", "let me see")), 403, "WRONG_ROLE", null);
        assertProblem(as(rob).post(path + "/messages", Map.of("body", " ")), 400, "INVALID_INPUT", "body");
    }

    @Test
    void aRetriedReplyWithTheSameIdempotencyKeyIsStoredOnce() {
        User emma = world.employee("Emma Retry");
        Ticket ticket = world.claimedTicket(emma, world.responder("Ray Retry"));
        String path = "/api/v1/tickets/" + ticket.id() + "/messages";

        ApiClient.Answer first = as(emma).post(path, Map.of("body", "still broken"), "Idempotency-Key", "k-1");
        ApiClient.Answer again = as(emma).post(path, Map.of("body", "still broken"), "Idempotency-Key", "k-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE ticket_id = ?", ticket.id())).isEqualTo(1);
    }

    @Test
    void fieldsChangeWithOneEventEachAndAnAdminHandsTicketsOver() {
        User emma = world.employee("Emma Change");
        User admin = world.admin("Ada Change");
        User rob = world.responder("Rob Change");
        Ticket ticket = world.pendingTicket(emma, "old title");
        String path = "/api/v1/tickets/" + ticket.id();

        ApiClient.Answer changed = as(emma).patch(path, Map.of("title", "new title", "priority", "urgent"));
        ApiClient.Answer assigned = as(admin).post(path + "/handover", Map.of("toUserId", rob.id()));
        ApiClient.Answer released = as(rob).post(path + "/release", null);
        ApiClient.Answer cancelled = as(emma).post(path + "/cancel", null);

        assertThat(changed.body()).containsEntry("title", "new title").containsEntry("priority", "urgent");
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'changed'",
                ticket.id())).isEqualTo(2);
        assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
        assertThat(assigned.body().get("responder")).isEqualTo(Map.of("id", (int) rob.id(), "name", "Rob Change"));
        assertThat(released.body()).containsEntry("status", "pending");
        assertThat(cancelled.body()).containsEntry("status", "cancelled");
    }

    @Test
    void theListTakesThePanelsFiltersAndPagesByKeysetWithoutGapsOrRepeats() {
        User admin = world.admin("Ada Pages");
        User emma = world.employee("Emma Pages");
        List<Long> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            opened.add(world.pendingTicket(emma, "paged " + i).id());
        }
        world.claimedTicket(emma, world.responder("Rob Pages"));

        List<Object> seen = new ArrayList<>();
        String next = null;
        do {
            ApiClient.Answer page = as(admin).get("/api/v1/tickets?status=pending&text=paged&limit=2"
                    + (next == null ? "" : "&after=" + next));
            assertThat(page.status()).isEqualTo(200);
            page.list("items").forEach(t -> seen.add(((Number) t.get("id")).longValue()));
            next = (String) page.get("next");
        } while (next != null);

        java.util.Collections.reverse(opened);
        assertThat(seen).containsExactlyElementsOf(opened);
        assertProblem(as(admin).get("/api/v1/tickets?status=sleeping"), 400, "INVALID_INPUT", null);
    }

    @Test
    void whatTheFrameworkRefusesIsAProblemToo() {
        User emma = world.employee("Emma Framework");
        assertThat(as(emma).post("/api/v1/tickets", "{not json").status()).isEqualTo(400);
        assertThat(as(emma).post("/api/v1/tickets", "{not json").contentType()).startsWith("application/problem+json");
        assertThat(as(emma).get("/api/v1/no-such-thing").contentType()).startsWith("application/problem+json");
        assertThat(as(emma).get("/api/v1/no-such-thing").status()).isEqualTo(404);
        assertThat(as(emma).get("/api/v1/tickets/abc").contentType()).startsWith("application/problem+json");
    }

    static void assertProblem(ApiClient.Answer answer, int status, String reason, String field) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).containsEntry("status", status).containsEntry("reason", reason)
                .containsKeys("type", "title", "detail");
        if (field != null) {
            assertThat(answer.body()).containsEntry("field", field);
        }
    }
}
