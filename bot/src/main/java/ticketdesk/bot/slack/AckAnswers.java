package ticketdesk.bot.slack;

import com.google.gson.JsonObject;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;

/** What Slack is answered, by kind of request, when the handler's own answer is not the one to give. */
final class AckAnswers {

    private AckAnswers() {
    }

    /**
     * More requests wait than the handlers can finish before Slack's deadline: say so at once and change
     * nothing, rather than ack with "still working" and drop the work later.
     */
    static Response busy(RequestType type) {
        if (type == RequestType.Command) {
            return ephemeral(Acknowledger.BUSY);
        }
        if (type == RequestType.Event) {
            return Response.builder().statusCode(503).contentType("text/plain").body("busy; retry").build();
        }
        if (type == RequestType.ViewSubmission) {
            return formError(NewTicketForm.TITLE, Acknowledger.BUSY);
        }
        return Response.ok();
    }

    /** Keeps the form open with {@code text} under one field: a plain ack would close it as if it were done. */
    private static Response formError(String field, String text) {
        JsonObject errors = new JsonObject();
        errors.addProperty(field, text);
        JsonObject body = new JsonObject();
        body.addProperty("response_action", "errors");
        body.add("errors", errors);
        return Response.json(200, body.toString());
    }

    static Response stillWorking(RequestType type) {
        if (type == RequestType.Command) {
            return ephemeral(Acknowledger.STILL_WORKING);
        }
        return Response.ok();
    }

    static Response failure(RequestType type) {
        if (type == RequestType.Event) {
            return Response.builder().statusCode(500).contentType("text/plain").body("failed; retry").build();
        }
        if (type == RequestType.Command) {
            return ephemeral(Acknowledger.FAILED);
        }
        return Response.ok();
    }

    static Response ephemeral(String text) {
        JsonObject body = new JsonObject();
        body.addProperty("response_type", "ephemeral");
        body.addProperty("text", text);
        return Response.json(200, body.toString());
    }
}
