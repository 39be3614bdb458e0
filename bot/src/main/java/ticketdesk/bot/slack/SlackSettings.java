package ticketdesk.bot.slack;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code slack.*} (env {@code SLACK_SIGNING_SECRET}, {@code SLACK_BOT_TOKEN}, {@code SLACK_API_URL},
 * {@code SLACK_RESPONDER_CHANNEL}, {@code SLACK_TEAM_ID}, …). All optional: without a signing secret
 * {@code /slack/events} answers 503, without a bot token nothing is sent to Slack.
 */
@ConfigurationProperties("slack")
public class SlackSettings {

    private String signingSecret;
    private String botToken;
    private String apiUrl = "https://slack.com/api/";
    private String responderChannel;
    private String teamId;
    private String responseUrlPrefix = "https://hooks.slack.com/";
    private Duration ackDeadline = Duration.ofMillis(2000);
    private Duration cardPostingLease = Duration.ofSeconds(20);
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
    /** The installation's own Slack team (T…); unset, {@link SlackTeam} asks Slack which team the bot token is of. */
    public String getTeamId() { return teamId; }
    public void setTeamId(String teamId) { this.teamId = teamId; }
    /** Only response_url values under this prefix are posted to (anything else falls back to chat.postEphemeral). */
    public String getResponseUrlPrefix() { return responseUrlPrefix; }
    public void setResponseUrlPrefix(String responseUrlPrefix) { this.responseUrlPrefix = responseUrlPrefix; }
    /** How long a request may take before Slack gets its ack anyway (Slack gives up after 3 s). */
    public Duration getAckDeadline() { return ackDeadline; }
    public void setAckDeadline(Duration ackDeadline) { this.ackDeadline = ackDeadline; }
    /**
     * How long a card's poster keeps the posting to itself: longer than a Web API call may take (15 s); past it
     * the poster is taken for dead and another delivery looks for the card in the channel, then posts it.
     */
    public Duration getCardPostingLease() { return cardPostingLease; }
    public void setCardPostingLease(Duration cardPostingLease) { this.cardPostingLease = cardPostingLease; }
    public int getHandlerThreads() { return handlerThreads; }
    public void setHandlerThreads(int handlerThreads) { this.handlerThreads = handlerThreads; }
    /** How many Slack requests may wait for a handler; beyond that they are refused at once ("too busy"). */
    public int getHandlerQueue() { return handlerQueue; }
    public void setHandlerQueue(int handlerQueue) { this.handlerQueue = handlerQueue; }
}
