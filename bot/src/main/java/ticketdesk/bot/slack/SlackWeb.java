package ticketdesk.bot.slack;

import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.webhook.WebhookResponse;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import ticketdesk.core.outbox.RetryLater;

/**
 * The Slack Web API calls ticketdesk makes, through Bolt's {@code MethodsClient} pointed at
 * {@code slack.api-url}. Failures become exceptions the outbox understands: a 429 is {@link RetryLater}
 * after Slack's Retry-After, anything else {@link SlackCallFailed} (retried with back-off).
 */
@Singleton
public class SlackWeb {

    private static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(30);

    private final Slack slack;
    private final SlackSettings settings;

    SlackWeb(Slack slack, SlackSettings settings) {
        this.slack = slack;
        this.settings = settings;
    }

    /** A posted message: the channel id Slack answered with and the message's ts. */
    public record Posted(String channel, String ts) {
    }

    /** What users.info tells about a person (either may be null when the token lacks the scope). */
    public record Profile(String name, String email) {
    }

    public Posted postMessage(String channel, String threadTs, String text, List<LayoutBlock> blocks) {
        var response = call("chat.postMessage", () -> methods().chatPostMessage(r -> r.channel(channel)
                .threadTs(threadTs).text(text).blocks(blocks).unfurlLinks(false).unfurlMedia(false)));
        return new Posted(response.getChannel() == null ? channel : response.getChannel(), response.getTs());
    }

    public void update(String channel, String ts, String text, List<LayoutBlock> blocks) {
        call("chat.update", () -> methods().chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocks(blocks)));
    }

    public void postEphemeral(String channel, String user, String text) {
        call("chat.postEphemeral", () -> methods().chatPostEphemeral(r -> r.channel(channel).user(user).text(text)));
    }

    public void openView(String triggerId, View view) {
        call("views.open", () -> methods().viewsOpen(r -> r.triggerId(triggerId).view(view)));
    }

    public Profile profile(String userId) {
        var user = call("users.info", () -> methods().usersInfo(r -> r.user(userId))).getUser();
        if (user == null) {
            return new Profile(null, null);
        }
        String name = user.getRealName();
        if ((name == null || name.isBlank()) && user.getProfile() != null) {
            name = user.getProfile().getDisplayName();
        }
        String email = user.getProfile() == null ? null : user.getProfile().getEmail();
        return new Profile(name == null || name.isBlank() ? user.getName() : name, email);
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
            throw new SlackCallFailed("response_url answered HTTP " + code + ": " + response.getBody());
        }
    }

    private MethodsClient methods() {
        return slack.methods(settings.getBotToken());
    }

    private <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) {
        T response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            int code = e.getResponse().code();
            if (code == 429) {
                throw new RetryLater(method + " rate limited by Slack (HTTP 429)",
                        retryAfter(e.getResponse().header("Retry-After")));
            }
            throw new SlackCallFailed(method + " answered HTTP " + code, e);
        } catch (IOException e) {
            throw new SlackCallFailed(method + " could not reach Slack: " + e, e);
        }
        if (!response.isOk()) {
            if ("ratelimited".equals(response.getError())) {
                throw new RetryLater(method + " rate limited by Slack", DEFAULT_RATE_LIMIT_WAIT);
            }
            throw new SlackCallFailed(method + " failed: " + response.getError());
        }
        return response;
    }

    static Duration retryAfter(String header) {
        try {
            return header == null ? DEFAULT_RATE_LIMIT_WAIT
                    : Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return DEFAULT_RATE_LIMIT_WAIT;
        }
    }

    @FunctionalInterface
    private interface SlackCall<T> {
        T run() throws IOException, SlackApiException;
    }
}
