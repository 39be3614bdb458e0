package ticketdesk.bot.slack;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code slack.*} (env {@code SLACK_SIGNING_SECRET}, {@code SLACK_BOT_TOKEN}, {@code SLACK_API_URL},
 * {@code SLACK_RESPONDER_CHANNEL}, …). All optional: without a signing secret {@code /slack/events} answers
 * 503, without a bot token nothing is sent to Slack.
 */
@ConfigurationProperties("slack")
public class SlackSettings {

    private String signingSecret;
    private String botToken;
    private String apiUrl = "https://slack.com/api/";
    private String responderChannel;
    private String responseUrlPrefix = "https://hooks.slack.com/";
    private Duration ackDeadline = Duration.ofMillis(2000);
    private int handlerThreads = 16;
    private int handlerQueue = 256;

    public boolean acceptsRequests() {
        return signingSecret != null && !signingSecret.isBlank();
    }

    public boolean canCallSlack() {
        return botToken != null && !botToken.isBlank();
    }

    public String getSigningSecret() { return signingSecret; }
    public void setSigningSecret(String signingSecret) { this.signingSecret = signingSecret; }
    public String getBotToken() { return botToken; }
    public void setBotToken(String botToken) { this.botToken = botToken; }
    public String getApiUrl() { return apiUrl; }
    public void setApiUrl(String apiUrl) { this.apiUrl = apiUrl; }
    public String getResponderChannel() { return responderChannel; }
    public void setResponderChannel(String responderChannel) { this.responderChannel = responderChannel; }
    /** Only response_url values under this prefix are posted to (anything else falls back to chat.postEphemeral). */
    public String getResponseUrlPrefix() { return responseUrlPrefix; }
    public void setResponseUrlPrefix(String responseUrlPrefix) { this.responseUrlPrefix = responseUrlPrefix; }
    /** How long a request may take before Slack gets its ack anyway (Slack gives up after 3 s). */
    public Duration getAckDeadline() { return ackDeadline; }
    public void setAckDeadline(Duration ackDeadline) { this.ackDeadline = ackDeadline; }
    public int getHandlerThreads() { return handlerThreads; }
    public void setHandlerThreads(int handlerThreads) { this.handlerThreads = handlerThreads; }
    /** How many Slack requests may wait for a handler; beyond that they are refused at once ("too busy"). */
    public int getHandlerQueue() { return handlerQueue; }
    public void setHandlerQueue(int handlerQueue) { this.handlerQueue = handlerQueue; }
}
