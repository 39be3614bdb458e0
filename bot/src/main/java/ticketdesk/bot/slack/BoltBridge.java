package ticketdesk.bot.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Translates between Micronaut's HTTP request and response and Bolt's, the way bolt-micronaut does. */
@Singleton
class BoltBridge {

    private final SlackRequestParser parser;

    BoltBridge(App app) {
        this.parser = new SlackRequestParser(app.config());
    }

    /**
     * The JSON a body carries: an event's body or an interactivity {@code payload=}; {@code json} is null for a
     * plain form (a slash command), {@code malformed} when the body claims to be JSON but does not parse.
     */
    record Json(JsonObject json, boolean malformed) {

        static Json of(String body) {
            String json = body.strip();
            if (json.startsWith("payload=")) {
                try {
                    json = URLDecoder.decode(json.substring("payload=".length()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return new Json(null, true);
                }
            } else if (!json.startsWith("{") && !json.startsWith("[")) {
                return new Json(null, false);
            }
            try {
                JsonElement parsed = JsonParser.parseString(json);
                return parsed.isJsonObject() ? new Json(parsed.getAsJsonObject(), false) : new Json(null, true);
            } catch (JsonParseException e) {
                return new Json(null, true);
            }
        }
    }

    /** Bolt's request for this body, or null when it is no Slack request Bolt knows. */
    Request<?> toBolt(HttpRequest<?> request, String body) {
        InetSocketAddress remote = request.getRemoteAddress();
        return parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(request.getPath())
                .queryString(request.getParameters().asMap())
                .headers(new RequestHeaders(request.getHeaders().asMap()))
                .requestBody(body)
                .remoteAddress(remote == null || remote.getAddress() == null ? null
                        : remote.getAddress().getHostAddress())
                .build());
    }

    HttpResponse<String> toMicronaut(Response response) {
        MutableHttpResponse<String> http = HttpResponse.status(HttpStatus.valueOf(response.getStatusCode()));
        if (response.getHeaders() != null) {
            for (Map.Entry<String, List<String>> header : response.getHeaders().entrySet()) {
                header.getValue().forEach(value -> http.header(header.getKey(), value));
            }
        }
        String body = response.getBody() == null ? "" : response.getBody();
        http.body(body);
        http.contentType(response.getContentType() == null ? "text/plain; charset=utf-8" : response.getContentType());
        return http;
    }
}
