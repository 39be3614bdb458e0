package ticketdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Requests to {@code POST /slack/events} built and signed exactly as Slack does: the v0 signature is
 * HMAC-SHA256 over {@code v0:{timestamp}:{raw body}} with the signing secret, sent with the timestamp
 * in {@code X-Slack-Request-Timestamp} and {@code v0=<hex>} in {@code X-Slack-Signature}.
 */
public final class SlackRequests {

    public static final String TEAM = "T0BENCH";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final String signingSecret;
    private final FakeSlack slack;

    public SlackRequests(String signingSecret, FakeSlack slack) {
        this.signingSecret = signingSecret;
        this.slack = slack;
    }

    /** {@code /ticket <text>} typed by a user in a channel. */
    public HttpRequest slashCommand(URI base, String userId, String text) {
        return request(base, signedSlashCommand(userId, text));
    }

    /** The same command, signed now, to be sent as raw bytes ({@link RawHttp}). */
    public Signed signedSlashCommand(String userId, String text) {
        long n = SEQUENCE.incrementAndGet();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", TEAM);
        form.put("team_domain", "bench");
        form.put("channel_id", "C0GENERAL");
        form.put("channel_name", "general");
        form.put("user_id", userId);
        form.put("user_name", userId.toLowerCase());
        form.put("command", "/ticket");
        form.put("text", text);
        form.put("api_app_id", "A0BENCH");
        form.put("is_enterprise_install", "false");
        form.put("response_url", slack.responseUrl("cmd-" + n));
        form.put("trigger_id", n + ".1.bench");
        return sign(form(form), "application/x-www-form-urlencoded");
    }

    /** A request as Slack sends it to {@code /slack/events}: its body and the signature headers. */
    public record Signed(String contentType, String timestamp, String signature, String body) {
    }

    /** A click on a button of the message {@code messageTs} in {@code channel}. */
    public HttpRequest buttonClick(URI base, String userId, String channel, String messageTs,
                                   FakeSlack.Button button, String label) {
        return request(base, signedButtonClick(userId, channel, messageTs, button, label));
    }

    /** The same click, signed now, to be sent as raw bytes ({@link RawHttp}). */
    public Signed signedButtonClick(String userId, String channel, String messageTs, FakeSlack.Button button,
                                    String label) {
        long n = SEQUENCE.incrementAndGet();
        ObjectNode payload = JSON.createObjectNode().put("type", "block_actions").put("api_app_id", "A0BENCH")
                .put("token", "legacy-verification-token").put("trigger_id", n + ".1.bench")
                .put("response_url", slack.responseUrl("act-" + n)).put("is_enterprise_install", false);
        payload.putObject("user").put("id", userId).put("username", userId.toLowerCase())
                .put("name", userId.toLowerCase()).put("team_id", TEAM);
        payload.putObject("team").put("id", TEAM).put("domain", "bench");
        payload.putObject("container").put("type", "message").put("message_ts", messageTs)
                .put("channel_id", channel).put("is_ephemeral", false);
        payload.putObject("channel").put("id", channel).put("name", "responders");
        payload.putObject("message").put("type", "message").put("ts", messageTs).put("user", "UBENCHBOT")
                .put("text", "ticket").putArray("blocks");
        ObjectNode action = payload.putArray("actions").addObject().put("action_id", button.actionId())
                .put("block_id", button.blockId() == null ? "b" : button.blockId()).put("type", "button")
                .put("action_ts", (System.currentTimeMillis() / 1000) + "." + n % 1_000_000);
        if (button.value() != null) {
            action.put("value", button.value());
        }
        action.putObject("text").put("type", "plain_text").put("text", label).put("emoji", true);
        return sign("payload=" + encode(payload.toString()), "application/x-www-form-urlencoded");
    }

    /** A message event: {@code text} posted by {@code userId} in the thread {@code threadTs} of {@code channel}. */
    public HttpRequest threadReply(URI base, String userId, String channel, String threadTs, String ts, String text) {
        ObjectNode body = JSON.createObjectNode().put("token", "legacy-verification-token").put("team_id", TEAM)
                .put("api_app_id", "A0BENCH").put("type", "event_callback").put("event_id", "Ev" + ts.replace(".", ""))
                .put("event_time", System.currentTimeMillis() / 1000);
        body.putObject("event").put("type", "message").put("channel", channel).put("user", userId)
                .put("text", text).put("ts", ts).put("thread_ts", threadTs).put("event_ts", ts)
                .put("channel_type", "channel").put("team", TEAM);
        return signed(base, body.toString(), "application/json");
    }

    /** Slack's handshake when the events URL is configured: answered with the challenge, changes nothing. */
    public HttpRequest urlVerification(URI base, String challenge) {
        ObjectNode body = JSON.createObjectNode().put("token", "legacy-verification-token")
                .put("challenge", challenge).put("type", "url_verification");
        return signed(base, body.toString(), "application/json");
    }

    private HttpRequest signed(URI base, String body, String contentType) {
        return request(base, sign(body, contentType));
    }

    private Signed sign(String body, String contentType) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        return new Signed(contentType, timestamp, "v0=" + hmac(signingSecret, "v0:" + timestamp + ":" + body), body);
    }

    /** The signed request to {@code /slack/events} of {@code base}: the same one may go to several instances. */
    public static HttpRequest request(URI base, Signed signed) {
        return HttpRequest.newBuilder(base.resolve("/slack/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", signed.contentType())
                .header("X-Slack-Request-Timestamp", signed.timestamp())
                .header("X-Slack-Signature", signed.signature())
                .POST(HttpRequest.BodyPublishers.ofString(signed.body(), StandardCharsets.UTF_8))
                .build();
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        return out.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
