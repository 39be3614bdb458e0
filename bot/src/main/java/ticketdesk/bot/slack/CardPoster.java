package ticketdesk.bot.slack;

import com.google.gson.JsonObject;
import com.slack.api.model.block.LayoutBlock;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ticketdesk.bot.card.TicketCard;
import ticketdesk.bot.card.TicketCards;
import ticketdesk.core.outbox.RetryLater;

/**
 * Shows a ticket's card in the responders' channel as it is now: posts it the first time, updates it in
 * place after that. OPENED and CHANGED both come here, in any order and any number of times. Every card
 * carries its ticket in Slack's message metadata; a poster that takes over from one that gave up or died
 * looks for that card in the channel first and adopts it, so a crash at any point leaves one card.
 */
@Singleton
class CardPoster {

    /** Slack's clock and ours may disagree: the channel is searched from a little before the first attempt. */
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(CardPoster.class);

    private final TicketCards cards;
    private final SlackPosts posts;
    private final SlackWeb web;
    private final TaggedMessages tagged;
    private final SlackNames names;
    private final SlackSettings settings;

    CardPoster(TicketCards cards, SlackPosts posts, SlackWeb web, TaggedMessages tagged, SlackNames names,
               SlackSettings settings) {
        this.cards = cards;
        this.posts = posts;
        this.web = web;
        this.tagged = tagged;
        this.names = names;
        this.settings = settings;
    }

    /** Renders the card and returns where it is; empty when the ticket does not exist. */
    Optional<SlackPostRow> show(long ticketId, int attempt) {
        Optional<TicketCard> card = cards.current(ticketId);
        if (card.isEmpty()) {
            return Optional.empty();
        }
        Shown shown = new Shown(CardBlocks.fallback(card.get(), names), CardBlocks.of(card.get(), names),
                CardBlocks.tag(ticketId));
        Optional<SlackPostRow> post = posts.card(ticketId);
        if (post.isPresent()) {
            web.update(post.get().channel(), post.get().ts(), shown.text(), shown.blocks(), shown.tag());
            return post;
        }
        String channel = settings.getResponderChannel();
        if (channel == null || channel.isBlank()) {
            throw new IllegalStateException("slack.responder-channel (SLACK_RESPONDER_CHANNEL) is not set,"
                    + " so ticket cards cannot be posted");
        }
        SlackPosts.Claim claim = posts.claimPosting(ticketId, channel);
        if (claim instanceof SlackPosts.Claim.Busy busy) {
            throw new RetryLater("the card of ticket #" + ticketId + " is being posted", retryAfter(busy, attempt));
        }
        try {
            post(ticketId, channel, claim, shown);
        } catch (RuntimeException e) {
            posts.gaveUp(ticketId);
            throw e;
        }
        return posts.card(ticketId);
    }

    private record Shown(String text, List<LayoutBlock> blocks, JsonObject tag) {
    }

    private void post(long ticketId, String channel, SlackPosts.Claim claim, Shown shown) {
        Optional<String> earlier = claim instanceof SlackPosts.Claim.AfterEarlierAttempt after
                ? earlierCard(ticketId, channel, after, shown) : Optional.empty();
        if (earlier.isEmpty()) {
            posts.posted(ticketId, web.postMessage(channel, null, shown.text(), shown.blocks(), shown.tag()));
            return;
        }
        // the earlier attempt's card, as it was then: adopt it and make it show the ticket as it is now
        posts.posted(ticketId, new SlackWeb.Posted(channel, earlier.get()));
        web.update(channel, earlier.get(), shown.text(), shown.blocks(), shown.tag());
    }

    /**
     * The card an earlier attempt posted, if Slack has it. Slack refusing the search itself (no
     * {@code channels:history} scope) is no reason never to show the ticket: then the card is posted, as
     * before the search existed; Slack unreachable is retried.
     */
    private Optional<String> earlierCard(long ticketId, String channel, SlackPosts.Claim.AfterEarlierAttempt after,
                                         Shown shown) {
        try {
            return tagged.find(channel, after.firstTried().toInstant(ZoneOffset.UTC).minus(CLOCK_MARGIN), shown.tag());
        } catch (SlackCallFailed e) {
            if (e.slackUnavailable()) {
                throw e;
            }
            LOG.warn("could not look for the card of ticket #{} in the channel ({}); posting it", ticketId,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Soon at first (a live poster is done within a second), later on each attempt, and never much past the
     * claim's lease: retries cost attempts, and a dead poster's claim must be outlived, not failed on.
     */
    private static Duration retryAfter(SlackPosts.Claim.Busy busy, int attempt) {
        Duration soon = Duration.ofSeconds(2L * Math.max(1, attempt));
        Duration leaseOver = busy.left().plusMillis(500);
        return soon.compareTo(leaseOver) < 0 ? soon : leaseOver;
    }
}
