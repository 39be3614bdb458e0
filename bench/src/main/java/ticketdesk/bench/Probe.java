package ticketdesk.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Tells whether a feature has landed in the jar: does its route exist? */
final class Probe {

    private Probe() {
    }

    /** Null when a signed url_verification is answered, or a reason the bot is missing. */
    static String slackMissing(Stack stack, AppInstance app) {
        HttpResponse<String> r = new Flows(stack).send(stack.slackRequests.urlVerification(app.uri("/"),
                "bench-probe"));
        return r.statusCode() == 200 && r.body().contains("bench-probe") ? null : "POST /slack/events answers " + r.statusCode()
                + " (bot module not in the jar yet?)";
    }

    static String mailMissing(Stack stack, AppInstance app) {
        HttpResponse<String> r = new Flows(stack).send(HttpRequest.newBuilder(app.uri("/mail/inbound"))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "message/rfc822")
                .POST(HttpRequest.BodyPublishers.ofString("")).build());
        return r.statusCode() == 404 || r.statusCode() == 405 ? "POST /mail/inbound answers " + r.statusCode()
                + " (mail-ingest module not in the jar yet?)" : null;
    }

    static String adminMissing(Stack stack, AppInstance app) {
        HttpResponse<String> r = new Flows(stack).send(HttpRequest.newBuilder(app.uri("/admin"))
                .timeout(Duration.ofSeconds(5)).GET().build());
        return r.statusCode() == 404 ? "GET /admin answers 404 (admin-web module not in the jar yet?)" : null;
    }
}
