package ticketdesk.bot.slack;

import java.io.IOException;

/** A Slack Web API call that did not work (5xx, network error, {@code ok:false}); the outbox retries it. */
public class SlackCallFailed extends RuntimeException {

    private final boolean slackUnavailable;

    public SlackCallFailed(String message, Throwable cause) {
        super(message, cause);
        this.slackUnavailable = cause instanceof IOException;
    }

    public SlackCallFailed(String message) {
        this(message, false);
    }

    SlackCallFailed(String message, boolean slackUnavailable) {
        super(message);
        this.slackUnavailable = slackUnavailable;
    }

    /** Slack could not be reached or answered 5xx: worth waiting for, unlike an error about this one call. */
    public boolean slackUnavailable() {
        return slackUnavailable;
    }
}
