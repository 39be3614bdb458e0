package ticketdesk.bot.slack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends requests to {@code /slack/events} signed exactly as Slack signs them: {@code v0=} HMAC-SHA256 of
 * {@code v0:{timestamp}:{body}} with the signing secret, in X-Slack-Signature and X-Slack-Request-Timestamp.
 */
public final class SignedSlack {

    private static final AtomicLong TRIGGERS = new AtomicLong();

    private final URI endpoint;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SignedSlack(URI serverUrl, String secret) {
        this.endpoint = serverUrl.resolve("/slack/events");
        this.secret = secret;
    }

    /** A slash command as Slack posts it (form-encoded), from team T1. */
    public HttpResponse<String> command(String userId, String userName, String text, String responseUrl) {
        return post(commandBody(userId, userName, text, responseUrl, "T1"), "application/x-www-form-urlencoded",
                now(), Map.of());
    }

    /** The body of a slash command from {@code team}; as Slack does, every one has a trigger_id of its own. */
    public static String commandBody(String userId, String userName, String text, String responseUrl, String team) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-token");
        form.put("team_id", team);
        form.put("team_domain", "acme");
        form.put("channel_id", "CGENERAL");
        form.put("channel_name", "general");
        form.put("user_id", userId);
        form.put("user_name", userName);
        form.put("command", "/ticket");
        form.put("text", text);
        form.put("api_app_id", "A1");
        form.put("response_url", responseUrl);
        form.put("trigger_id", trigger(userId));
        return formBody(form);
    }

    /** A trigger_id as unique as Slack's: {@code trigger-<user>-<n>}. */
    public static String trigger(String userId) {
        return "trigger-" + userId + "-" + TRIGGERS.incrementAndGet();
    }

    /** An interactivity payload (buttons, modals): {@code payload=<json>}. */
    public HttpResponse<String> interaction(String payloadJson) {
        return post(formBody(Map.of("payload", payloadJson)), "application/x-www-form-urlencoded", now(), Map.of());
    }

    /** An Events API callback (JSON), optionally as Slack's n-th retry. */
    public HttpResponse<String> event(String json, Integer retryNum) {
        Map<String, String> headers = retryNum == null ? Map.of()
                : Map.of("X-Slack-Retry-Num", retryNum.toString(), "X-Slack-Retry-Reason", "http_timeout");
        return post(json, "application/json", now(), headers);
    }

    public HttpResponse<String> post(String body, String contentType, long timestamp, Map<String, String> headers) {
        return send(body, contentType, Long.toString(timestamp), sign(timestamp, body), headers);
    }

    HttpResponse<String> send(String body, String contentType, String timestamp, String signature,
                              Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (timestamp != null) {
            request.header("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Slack-Signature", signature);
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String sign(long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static long now() {
        return Instant.now().getEpochSecond();
    }

    public static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
