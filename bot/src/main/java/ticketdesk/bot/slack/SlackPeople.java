package ticketdesk.bot.slack;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ticketdesk.core.user.ManagingUsers;
import ticketdesk.core.user.Platform;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

/**
 * Who a Slack user is in ticketdesk. A known user acts at once. A first-time user is created as an employee
 * by core: when the bot token can ask {@code users.info}, that happens after the ack (so their real name and
 * email are used, and an existing account with that email is linked instead of duplicated) and the answer
 * follows as a note; without a token, the name in the payload is used at once.
 */
@Singleton
public class SlackPeople {

    static final String TRY_AGAIN = "Sorry, that did not go through while ticketdesk was setting up your account;"
            + " please try again in a moment.";
    private static final Logger LOG = LoggerFactory.getLogger(SlackPeople.class);

    private final UserDirectory users;
    private final ManagingUsers managing;
    private final SlackWeb web;
    private final SlackSettings settings;
    private final AfterAck afterAck;
    private final SlackNotes notes;

    SlackPeople(UserDirectory users, ManagingUsers managing, SlackWeb web, SlackSettings settings, AfterAck afterAck,
                SlackNotes notes) {
        this.users = users;
        this.managing = managing;
        this.web = web;
        this.settings = settings;
        this.afterAck = afterAck;
        this.notes = notes;
    }

    /** The answer for the person: {@code text} now (may be null), or {@code deferred} when it will follow as a note. */
    public record Answer(String text, boolean deferred) {
    }

    public Answer act(String slackUserId, String payloadName, Where where, Function<User, Optional<String>> work) {
        Optional<User> known = users.byIdentity(Platform.SLACK, slackUserId);
        if (known.isPresent()) {
            return new Answer(work.apply(known.get()).orElse(null), false);
        }
        if (!settings.canCallSlack()) {
            User created;
            try {
                created = managing.chatUser(Platform.SLACK, slackUserId, payloadName, null);
            } catch (RuntimeException e) {
                LOG.warn("could not set up Slack user {}: {}", slackUserId, e.toString(), e);
                return new Answer(TRY_AGAIN, false);
            }
            return new Answer(work.apply(created).orElse(null), false);
        }
        afterAck.later(() -> firstTimeActs(slackUserId, payloadName, where, work));
        return new Answer(null, true);
    }

    /** After the ack nobody is waiting for an answer, so a failure must reach the person as a note. */
    private void firstTimeActs(String slackUserId, String payloadName, Where where,
                               Function<User, Optional<String>> work) {
        Optional<String> answer;
        try {
            answer = work.apply(firstTime(slackUserId, payloadName));
        } catch (RuntimeException e) {
            LOG.warn("the first action of Slack user {} failed: {}", slackUserId, e.toString(), e);
            answer = Optional.of(TRY_AGAIN);
        }
        answer.ifPresent(text -> notes.tell(where, text));
    }

    private User firstTime(String slackUserId, String payloadName) {
        SlackWeb.Profile profile;
        try {
            profile = web.profile(slackUserId);
        } catch (RuntimeException e) {
            LOG.info("users.info for {} failed ({}); using the name Slack sent", slackUserId, e.getMessage());
            profile = new SlackWeb.Profile(null, null);
        }
        String name = profile.name() != null ? profile.name() : payloadName;
        return managing.chatUser(Platform.SLACK, slackUserId, name, profile.email());
    }
}
