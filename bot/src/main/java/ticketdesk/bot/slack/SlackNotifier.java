package ticketdesk.bot.slack;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ticketdesk.bot.card.TicketWords;
import ticketdesk.core.Channel;
import ticketdesk.core.message.Message;
import ticketdesk.core.message.MessageQueries;
import ticketdesk.core.outbox.Notification;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.outbox.Notifier;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.ticket.TicketQueries;
import ticketdesk.core.user.Platform;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

/**
 * Delivers the outbox's Slack notifications: broadcasts become the ticket's card in the responders' channel
 * (posted once, then updated) and posts in its thread; personal ones become DMs; notes become ephemeral
 * messages. Exists only with a bot token, so an installation without Slack records nothing for it.
 */
@Singleton
@Requires(property = "slack.bot-token", pattern = ".*\\S.*")
class SlackNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(SlackNotifier.class);

    private final CardPoster cards;
    private final SlackPosts posts;
    private final SlackWeb web;
    private final SlackNames names;
    private final TicketWords words;
    private final TicketQueries tickets;
    private final MessageQueries messages;
    private final UserDirectory users;

    SlackNotifier(CardPoster cards, SlackPosts posts, SlackWeb web, SlackNames names,
                  TicketWords words, TicketQueries tickets, MessageQueries messages, UserDirectory users) {
        this.cards = cards;
        this.posts = posts;
        this.web = web;
        this.names = names;
        this.words = words;
        this.tickets = tickets;
        this.messages = messages;
        this.users = users;
    }

    @Override
    public Channel channel() {
        return Channel.SLACK;
    }

    /** Responders linked on Slack follow every ticket's card and thread in the responders' channel. */
    @Override
    public Optional<Platform> feedOf() {
        return Optional.of(Platform.SLACK);
    }

    @Override
    public void deliver(Notification n) {
        if (n.kind() == NotificationKind.NOTE) {
            note(n);
        } else if (n.ticketId() == null) {
            LOG.debug("Slack notification {} has no ticket; nothing to show", n.id());
        } else if (n.recipientUserId() != null) {
            direct(n);
        } else if (n.kind() == NotificationKind.OPENED || n.kind() == NotificationKind.CHANGED) {
            cards.show(n.ticketId(), n.attempt());
        } else if (n.kind() == NotificationKind.MESSAGE || n.kind() == NotificationKind.INTERNAL_NOTE) {
            intoThread(n);
        }
    }

    private void note(Notification n) {
        web.note(new Where(n.ticketId(), n.payload("channel"), n.payload("user"), n.payload("responseUrl")),
                n.payload("text"));
    }

    private void intoThread(Notification n) {
        Optional<Message> message = messageOf(n);
        if (message.isEmpty() || posts.relayed(message.get().id())) {
            return;
        }
        Optional<SlackPostRow> card = posts.card(n.ticketId()).or(() -> cards.show(n.ticketId(), n.attempt()));
        if (card.isEmpty()) {
            return;
        }
        User sender = users.byId(message.get().senderId()).orElse(null);
        String text = SlackText.limit(SlackText.escape(words.relayed(sender, message.get())), 39_000);
        posts.relayed(message.get().id(), web.postMessage(card.get().channel(), card.get().ts(), text, null));
    }

    private void direct(Notification n) {
        Optional<String> slackId = users.identityOf(n.recipientUserId(), Platform.SLACK);
        Optional<Ticket> ticket = tickets.byId(n.ticketId());
        if (slackId.isEmpty() || ticket.isEmpty()) {
            return;
        }
        User actor = Optional.ofNullable(n.payload("actorId")).map(Long::parseLong).flatMap(users::byId).orElse(null);
        String text = words.notice(n.kind(), ticket.get(), actor, messageOf(n).orElse(null), names);
        if (text != null) {
            web.postMessage(slackId.get(), null, SlackText.limit(text, 39_000), null);
        }
    }

    private Optional<Message> messageOf(Notification n) {
        return Optional.ofNullable(n.payload("messageId")).map(Long::parseLong).flatMap(messages::byId);
    }
}
