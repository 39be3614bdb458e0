package ticketdesk.bot.slack;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ticketdesk.core.user.HomeWorkspace;
import ticketdesk.core.user.Platform;

/**
 * The Slack team this installation serves: {@code SLACK_TEAM_ID}, or else the team Slack says the bot token
 * belongs to ({@code auth.test}), asked once in the background at start and again when a first-time user
 * needs it. The token's team is the workspace the app was installed in, never what a request claims, so a
 * single-workspace install keeps working without the setting; until Slack has answered, people already
 * linked act and nobody new is set up.
 */
@Singleton
class SlackTeam implements HomeWorkspace {

    private static final Logger LOG = LoggerFactory.getLogger(SlackTeam.class);

    private final SlackSettings settings;
    private final BeanProvider<SlackWeb> web;
    private final AfterAck afterAck;
    private volatile String learned;

    /** The Web API client only when Slack is asked: an install without Slack never loads the SDK for this. */
    SlackTeam(SlackSettings settings, BeanProvider<SlackWeb> web, AfterAck afterAck) {
        this.settings = settings;
        this.web = web;
        this.afterAck = afterAck;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public Optional<String> id() {
        String configured = settings.getTeamId();
        return Optional.ofNullable(configured != null && !configured.isBlank() ? configured.strip() : learned);
    }

    /** Asks Slack for the token's team unless it is known; a failure leaves it unknown, to be asked again. */
    void learn() {
        if (id().isPresent() || !settings.canCallSlack()) {
            return;
        }
        try {
            learned = web.get().team();
            LOG.info("Slack team {} (the bot token's, from auth.test) is the only one whose people use ticketdesk",
                    learned);
        } catch (RuntimeException e) {
            LOG.warn("could not ask Slack which team the bot token belongs to ({}); asking again when needed",
                    e.getMessage());
        }
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!settings.acceptsRequests() || id().isPresent()) {
            return;
        }
        if (settings.canCallSlack()) {
            LOG.warn("SLACK_TEAM_ID is not set: ticketdesk asks Slack which team its bot token belongs to"
                    + " (auth.test) and serves only that team's people; set SLACK_TEAM_ID=T… to name it yourself");
            afterAck.later(this::learn);
        } else {
            LOG.warn("SLACK_TEAM_ID is not set and, without SLACK_BOT_TOKEN, Slack cannot be asked which team this"
                    + " is: only people already linked to a ticketdesk account can use it from Slack");
        }
    }
}
