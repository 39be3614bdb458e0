package ticketdesk.bot.slack;

/** A Slack Web API call that did not work (5xx, network error, {@code ok:false}); the outbox retries it. */
public class SlackCallFailed extends RuntimeException {

    public SlackCallFailed(String message, Throwable cause) {
        super(message, cause);
    }

    public SlackCallFailed(String message) {
        super(message);
    }
}
