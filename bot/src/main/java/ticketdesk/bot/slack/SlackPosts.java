package ticketdesk.bot.slack;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import ticketdesk.core.Times;

/**
 * Where each ticket's card and relayed messages sit in Slack. Posting a card is claimed first (a row with
 * no ts), so two deliveries for one ticket never post two cards; a claim older than the posting lease is
 * taken over, since its poster gave up or died, perhaps after Slack had posted the card.
 */
@Singleton
class SlackPosts {

    private final SlackPostRepository cards;
    private final SlackMessagePostRepository messages;
    private final Times times;
    private final SlackSettings settings;

    SlackPosts(SlackPostRepository cards, SlackMessagePostRepository messages, Times times, SlackSettings settings) {
        this.cards = cards;
        this.messages = messages;
        this.times = times;
        this.settings = settings;
    }

    /** Who may post a ticket's card now. */
    sealed interface Claim {

        /** This caller, and nobody tried before. */
        record First() implements Claim {
        }

        /** This caller, after an attempt that started at {@code firstTried} and may have posted the card. */
        record AfterEarlierAttempt(LocalDateTime firstTried) implements Claim {
        }

        /** Another poster, for {@code left} more at most. */
        record Busy(Duration left) implements Claim {
        }
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

    Claim claimPosting(long ticketId, String channel) {
        var now = times.now();
        Optional<SlackPostRow> row = cards.findById(ticketId);
        if (row.isEmpty()) {
            try {
                cards.save(new SlackPostRow(ticketId, channel, null, now, now, now));
                return new Claim.First();
            } catch (DataAccessException e) {
                // someone else claimed it in between; the take-over rule decides
                row = cards.findById(ticketId);
            }
        }
        Duration lease = settings.getCardPostingLease();
        if (row.isEmpty() || row.get().ts() != null) {
            return new Claim.Busy(Duration.ZERO);
        }
        if (cards.takeOver(ticketId, channel, now, now.minus(lease)) == 1) {
            return new Claim.AfterEarlierAttempt(row.get().createdAt());
        }
        LocalDateTime since = row.get().postingSince() == null ? now : row.get().postingSince();
        Duration left = Duration.between(now, since.plus(lease));
        return new Claim.Busy(left.isNegative() ? Duration.ZERO : left);
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
