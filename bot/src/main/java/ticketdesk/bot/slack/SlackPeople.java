package ticketdesk.bot.slack;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ticketdesk.core.Refusal;
import ticketdesk.core.user.ChatPerson;
import ticketdesk.core.user.ChatProfile;
import ticketdesk.core.user.ChatUserResult;
import ticketdesk.core.user.Platform;
import ticketdesk.core.user.RecognisingChatUser;
import ticketdesk.core.user.User;

/**
 * Who a Slack user is in ticketdesk; core decides ({@link RecognisingChatUser}), from the user's id and team.
 * A known user acts at once, someone of another team is told no. A first-time user is set up by core: when
 * the bot token can ask {@code users.info}, that happens after the ack (so their real name and email are
 * used) and the answer follows as a note; without a token, the name in the payload is used at once.
 */
@Singleton
public class SlackPeople {

    static final String TRY_AGAIN = "Sorry, that did not go through while ticketdesk was setting up your account;"
            + " please try again in a moment.";
    private static final Logger LOG = LoggerFactory.getLogger(SlackPeople.class);

    private final RecognisingChatUser recognising;
    private final SlackWeb web;
    private final SlackSettings settings;
    private final SlackTeam team;
    private final AfterAck afterAck;
    private final SlackNotes notes;

    SlackPeople(RecognisingChatUser recognising, SlackWeb web, SlackSettings settings, SlackTeam team,
                AfterAck afterAck, SlackNotes notes) {
        this.recognising = recognising;
        this.web = web;
        this.settings = settings;
        this.team = team;
        this.afterAck = afterAck;
        this.notes = notes;
    }

    /** Who acts, as the request names them: Slack user id, the name in the payload, and their team. */
    public record Person(String id, String name, String team) {
    }

    /** The answer for the person: {@code text} now (may be null), or {@code deferred} when it will follow as a note. */
    public record Answer(String text, boolean deferred) {
    }

    public Answer act(Person who, Where where, Function<User, Optional<String>> work) {
        ChatPerson person = new ChatPerson(Platform.SLACK, who.id(), who.team());
        ChatUserResult known = recognising.recognise(person);
        if (!(known instanceof ChatUserResult.Unknown)) {
            return new Answer(outcome(known, work).orElse(null), false);
        }
        if (!settings.canCallSlack()) {
            try {
                return new Answer(outcome(recognising.firstUse(person, new ChatProfile(who.name(), null)), work)
                        .orElse(null), false);
            } catch (RuntimeException e) {
                LOG.warn("could not set up Slack user {}: {}", who.id(), e.toString(), e);
                return new Answer(TRY_AGAIN, false);
            }
        }
        afterAck.later(() -> firstTimeActs(who, person, where, work));
        return new Answer(null, true);
    }

    /** After the ack nobody is waiting for an answer, so a failure must reach the person as a note. */
    private void firstTimeActs(Person who, ChatPerson person, Where where, Function<User, Optional<String>> work) {
        Optional<String> answer;
        try {
            team.learn();
            answer = outcome(recognising.firstUse(person, profile(who)), work);
        } catch (RuntimeException e) {
            LOG.warn("the first action of Slack user {} failed: {}", who.id(), e.toString(), e);
            answer = Optional.of(TRY_AGAIN);
        }
        answer.ifPresent(text -> notes.tell(where, text));
    }

    private static Optional<String> outcome(ChatUserResult result, Function<User, Optional<String>> work) {
        if (result instanceof ChatUserResult.Known known) {
            return work.apply(known.user());
        }
        if (result instanceof ChatUserResult.Linked linked) {
            return work.apply(linked.user());
        }
        if (result instanceof ChatUserResult.Created created) {
            return work.apply(created.user());
        }
        if (result instanceof ChatUserResult.Refused refused) {
            return Optional.of(sentence(refused.refusal()));
        }
        return Optional.of(TRY_AGAIN);
    }

    private ChatProfile profile(Person who) {
        SlackWeb.Profile profile;
        try {
            profile = web.profile(who.id());
        } catch (RuntimeException e) {
            LOG.info("users.info for {} failed ({}); using the name Slack sent", who.id(), e.getMessage());
            profile = new SlackWeb.Profile(null, null);
        }
        return new ChatProfile(profile.name() != null ? profile.name() : who.name(), profile.email());
    }

    private static String sentence(Refusal refusal) {
        String text = SlackText.escape(refusal.message());
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + (text.endsWith(".") ? "" : ".");
    }
}
