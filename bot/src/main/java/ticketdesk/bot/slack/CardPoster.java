package ticketdesk.bot.slack;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import ticketdesk.bot.card.TicketCard;
import ticketdesk.bot.card.TicketCards;
import ticketdesk.core.outbox.RetryLater;

/**
 * Shows a ticket's card in the responders' channel as it is now: posts it the first time, updates it in
 * place after that. OPENED and CHANGED both come here, in any order and any number of times.
 */
@Singleton
class CardPoster {

    private final TicketCards cards;
    private final SlackPosts posts;
    private final SlackWeb web;
    private final SlackNames names;
    private final SlackSettings settings;

    CardPoster(TicketCards cards, SlackPosts posts, SlackWeb web, SlackNames names, SlackSettings settings) {
        this.cards = cards;
        this.posts = posts;
        this.web = web;
        this.names = names;
        this.settings = settings;
    }

    /** Renders the card and returns where it is; empty when the ticket does not exist. */
    Optional<SlackPostRow> show(long ticketId) {
        Optional<TicketCard> card = cards.current(ticketId);
        if (card.isEmpty()) {
            return Optional.empty();
        }
        var blocks = CardBlocks.of(card.get(), names);
        String text = CardBlocks.fallback(card.get(), names);
        Optional<SlackPostRow> post = posts.card(ticketId);
        if (post.isPresent()) {
            web.update(post.get().channel(), post.get().ts(), text, blocks);
            return post;
        }
        String channel = settings.getResponderChannel();
        if (channel == null || channel.isBlank()) {
            throw new IllegalStateException("slack.responder-channel (SLACK_RESPONDER_CHANNEL) is not set,"
                    + " so ticket cards cannot be posted");
        }
        if (!posts.claimPosting(ticketId, channel)) {
            throw new RetryLater("the card of ticket #" + ticketId + " is being posted", Duration.ofSeconds(3));
        }
        try {
            posts.posted(ticketId, web.postMessage(channel, null, text, blocks));
        } catch (RuntimeException e) {
            posts.gaveUp(ticketId);
            throw e;
        }
        return posts.card(ticketId);
    }
}
