package ticketdesk.bot.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.model.view.View;
import com.slack.api.webhook.WebhookResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import ticketdesk.core.outbox.RetryLater;

/**
 * The Slack Web API calls ticketdesk makes, as form posts to {@code slack.api-url} on the Slack SDK's HTTP
 * client. Failures become exceptions the outbox understands: a 429 is {@link RetryLater}
 * after Slack's Retry-After, anything else {@link SlackCallFailed} (retried with back-off).
 */
@Singleton
public class SlackWeb {

    private static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(30);
    /** Writes blocks and views as Slack reads them; built once (a Gson caches its type adapters). */
    private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();

    private final Slack slack;
    private final SlackSettings settings;
    private final MeterRegistry metrics;

    SlackWeb(Slack slack, SlackSettings settings, MeterRegistry metrics) {
        this.slack = slack;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** A posted message: the channel id Slack answered with and the message's ts. */
    public record Posted(String channel, String ts) {
    }

    /** What users.info tells about a person (either may be null when the token lacks the scope). */
    public record Profile(String name, String email) {
    }

    public Posted postMessage(String channel, String threadTs, String text, List<LayoutBlock> blocks) {
        return postMessage(channel, threadTs, text, blocks, null);
    }

    /** {@code metadata}: Slack's message metadata ({@code event_type}, {@code event_payload}) as JSON, or null. */
    public Posted postMessage(String channel, String threadTs, String text, List<LayoutBlock> blocks,
                              JsonObject metadata) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("channel", channel);
        put(form, "thread_ts", threadTs);
        form.put("text", text);
        put(form, "blocks", blocks == null ? null : SLACK_JSON.toJson(blocks));
        put(form, "metadata", metadata == null ? null : metadata.toString());
        form.put("unfurl_links", "false");
        form.put("unfurl_media", "false");
        JsonObject answer = call("chat.postMessage", form);
        String answeredChannel = JsonFields.text(answer, "channel");
        return new Posted(answeredChannel == null ? channel : answeredChannel, JsonFields.text(answer, "ts"));
    }

    public void update(String channel, String ts, String text, List<LayoutBlock> blocks, JsonObject metadata) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("channel", channel);
        form.put("ts", ts);
        form.put("text", text);
        put(form, "blocks", blocks == null ? null : SLACK_JSON.toJson(blocks));
        put(form, "metadata", metadata == null ? null : metadata.toString());
        call("chat.update", form);
    }

    public void postEphemeral(String channel, String user, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        put(form, "channel", channel);
        put(form, "user", user);
        put(form, "text", text);
        call("chat.postEphemeral", form);
    }

    public void openView(String triggerId, View view) {
        Map<String, String> form = new LinkedHashMap<>();
        put(form, "trigger_id", triggerId);
        form.put("view", SLACK_JSON.toJson(view));
        call("views.open", form);
    }

    public Profile profile(String userId) {
        Map<String, String> form = new LinkedHashMap<>();
        put(form, "user", userId);
        JsonElement user = call("users.info", form).get("user");
        if (user == null || !user.isJsonObject()) {
            return new Profile(null, null);
        }
        JsonObject info = user.getAsJsonObject();
        JsonObject profile = info.has("profile") && info.get("profile").isJsonObject()
                ? info.getAsJsonObject("profile") : new JsonObject();
        String name = JsonFields.text(info, "real_name");
        if (name == null || name.isBlank()) {
            name = JsonFields.text(profile, "display_name");
        }
        return new Profile(name == null || name.isBlank() ? JsonFields.text(info, "name") : name,
                JsonFields.text(profile, "email"));
    }

    /** The team the bot token belongs to ({@code auth.test}): the workspace the app is installed in. */
    public String team() {
        String team = JsonFields.text(call("auth.test", new LinkedHashMap<>()), "team_id");
        if (team == null || team.isBlank()) {
            throw new SlackCallFailed("auth.test answered no team_id");
        }
        return team;
    }

    /** Whether a response_url is one Slack handed us (posting elsewhere would let a payload steer our requests). */
    public boolean trusts(String responseUrl) {
        return responseUrl != null && responseUrl.startsWith(settings.getResponseUrlPrefix());
    }

    /**
     * A note to one person: through the request's response_url when Slack handed it to us, else as
     * {@code chat.postEphemeral} in the channel, else as a direct message.
     */
    void note(Where where, String text) {
        if (trusts(where.responseUrl())) {
            respond(where.responseUrl(), text);
        } else if (where.channel() != null && where.user() != null) {
            postEphemeral(where.channel(), where.user(), text);
        } else if (where.user() != null) {
            postMessage(where.user(), null, text, null);
        }
    }

    /** An ephemeral answer through a command's or action's response_url. */
    public void respond(String responseUrl, String text) {
        try {
            post(responseUrl, text);
        } catch (RuntimeException failed) {
            countError("response_url", failed);
            throw failed;
        }
    }

    private void post(String responseUrl, String text) {
        JsonObject body = new JsonObject();
        body.addProperty("response_type", "ephemeral");
        body.addProperty("replace_original", false);
        body.addProperty("text", text);
        WebhookResponse response;
        try {
            response = slack.send(responseUrl, body.toString());
        } catch (IOException e) {
            throw new SlackCallFailed("response_url: " + e, e);
        }
        Integer code = response.getCode();
        if (code != null && code == 429) {
            throw new RetryLater("response_url rate limited by Slack", retryAfter(null));
        }
        if (code == null || code >= 300) {
            throw new SlackCallFailed("response_url answered HTTP " + code + ": " + response.getBody(),
                    code == null || code >= 500);
        }
    }

    /**
     * One Web API call as a form post with the bot token, its answer read as plain JSON. (Bolt's
     * {@code MethodsClient} builds a new Gson, and every reflective adapter of the response types, for each
     * call: 7 % of the app's CPU while a claim storm's cards were being updated.)
     */
    JsonObject call(String method, Map<String, String> form) {
        try {
            return send(method, form);
        } catch (RuntimeException failed) {
            countError(method, failed);
            throw failed;
        }
    }

    /** {@code ticketdesk_slack_call_errors_total{method,kind}}: Slack calls that failed, rate-limited ones apart. */
    private void countError(String method, RuntimeException failed) {
        Counter.builder("ticketdesk.slack.call.errors").description("Slack Web API calls that failed")
                .tag("method", method).tag("kind", failed instanceof RetryLater ? "rate_limited" : "failed")
                .register(metrics).increment();
    }

    private JsonObject send(String method, Map<String, String> form) {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        String url = settings.getApiUrl().endsWith("/") ? settings.getApiUrl() : settings.getApiUrl() + "/";
        try (okhttp3.Response response = slack.getHttpClient().postFormWithBearerHeader(url + method,
                settings.getBotToken(), body.build())) {
            if (response.code() == 429) {
                throw new RetryLater(method + " rate limited by Slack (HTTP 429)",
                        retryAfter(response.header("Retry-After")));
            }
            if (!response.isSuccessful()) {
                throw new SlackCallFailed(method + " answered HTTP " + response.code(), response.code() >= 500);
            }
            JsonObject answer = parse(method, response.body() == null ? "" : response.body().string());
            JsonElement ok = answer.get("ok");
            if (ok == null || !ok.isJsonPrimitive() || !ok.getAsBoolean()) {
                String error = JsonFields.text(answer, "error");
                if ("ratelimited".equals(error)) {
                    throw new RetryLater(method + " rate limited by Slack", DEFAULT_RATE_LIMIT_WAIT);
                }
                throw new SlackCallFailed(method + " failed: " + error);
            }
            return answer;
        } catch (IOException e) {
            throw new SlackCallFailed(method + " could not reach Slack: " + e, e);
        }
    }

    private static JsonObject parse(String method, String body) {
        try {
            JsonElement json = JsonParser.parseString(body);
            if (json.isJsonObject()) {
                return json.getAsJsonObject();
            }
        } catch (JsonParseException e) {
            throw new SlackCallFailed(method + " answered something that is not JSON", e);
        }
        throw new SlackCallFailed(method + " answered something that is not a JSON object");
    }

    static void put(Map<String, String> form, String key, String value) {
        if (value != null) {
            form.put(key, value);
        }
    }

    static Duration retryAfter(String header) {
        try {
            return header == null ? DEFAULT_RATE_LIMIT_WAIT
                    : Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return DEFAULT_RATE_LIMIT_WAIT;
        }
    }
}
