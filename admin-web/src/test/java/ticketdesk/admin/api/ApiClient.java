package ticketdesk.admin.api;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** A client of the JSON API over a real socket, sending one bearer token (or none). */
public final class ApiClient {

    /** An answer: status, content type and the JSON body read as maps and lists (null when there is none). */
    public record Answer(int status, String contentType, Object json, String raw) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> body() {
            return (Map<String, Object>) json;
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list(String field) {
            return (List<Map<String, Object>>) (field == null ? json : body().get(field));
        }

        public Object get(String field) {
            return body().get(field);
        }

        public long id() {
            return ((Number) body().get("id")).longValue();
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final JsonMapper json;
    private final String token;

    public ApiClient(URI base, JsonMapper json, String token) {
        this.base = base;
        this.json = json;
        this.token = token;
    }

    public ApiClient as(String otherToken) {
        return new ApiClient(base, json, otherToken);
    }

    public Answer get(String path) {
        return send("GET", path, null);
    }

    public Answer post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Answer patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null);
    }

    public Answer send(String method, String path, Object body, String... headers) {
        try {
            String text = body == null ? "" : body instanceof String s ? s : json.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(text))
                    .header("Content-Type", "application/json").header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = answer.body();
            Object parsed = raw == null || raw.isBlank() || !raw.strip().matches("(?s)^[\\[{].*")
                    ? null : json.readValue(raw, Argument.OBJECT_ARGUMENT);
            return new Answer(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""), parsed, raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
