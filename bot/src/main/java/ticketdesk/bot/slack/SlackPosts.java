package ticketdesk.bot.slack;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import ticketdesk.core.Times;

/**
 * Where each ticket's card and relayed messages sit in Slack. Posting a card is claimed first (a row with
 * no ts), so two deliveries for one ticket never post two cards; a claim older than a few minutes is
 * taken over, since its poster died.
 */
@Singleton
class SlackPosts {

    private static final Duration STALE_CLAIM = Duration.ofMinutes(3);

    private final SlackPostRepository cards;
    private final SlackMessagePostRepository messages;
    private final Times times;

    SlackPosts(SlackPostRepository cards, SlackMessagePostRepository messages, Times times) {
        this.cards = cards;
        this.messages = messages;
        this.times = times;
    }

    /** The card's (channel, ts), once it has been posted. */
    Optional<SlackPostRow> card(long ticketId) {
        return cards.findById(ticketId).filter(row -> row.ts() != null);
    }

    Optional<Long> ticketAt(String channel, String ts) {
        if (channel == null || ts == null) {
            return Optional.empty();
        }
        return cards.findByChannelAndTs(channel, ts).map(SlackPostRow::ticketId);
    }

    /** True when this caller may post the card now. */
    boolean claimPosting(long ticketId, String channel) {
        var now = times.now();
        if (cards.findById(ticketId).isEmpty()) {
            try {
                cards.save(new SlackPostRow(ticketId, channel, null, now, now, now));
                return true;
            } catch (DataAccessException e) {
                // someone else claimed it in between; fall through to the take-over rule
            }
        }
        return cards.takeOver(ticketId, channel, now, now.minus(STALE_CLAIM)) == 1;
    }

    void posted(long ticketId, SlackWeb.Posted posted) {
        cards.posted(ticketId, posted.channel(), posted.ts(), times.now());
    }

    void gaveUp(long ticketId) {
        cards.gaveUp(ticketId, times.now());
    }

    boolean relayed(long messageId) {
        return messages.findById(messageId).isPresent();
    }

    void relayed(long messageId, SlackWeb.Posted posted) {
        messages.save(new SlackMessagePostRow(messageId, posted.channel(), posted.ts(), times.now()));
    }
}
