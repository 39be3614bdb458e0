package ticketdesk.core.ticket;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ticketdesk.core.Channel;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.outbox.Outbox;
import ticketdesk.core.user.Platform;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

/**
 * Decides who hears about a change and on which channel, and records it in the outbox within the
 * change's transaction. Responders linked on a platform whose notifier keeps a feed (a card per ticket in a
 * shared channel) follow tickets there, as a broadcast with no recipient; the others get email. Requesters
 * hear on every channel they have. Nobody is told about their own action, a message is never posted back
 * where it came from, and an internal note never reaches the requester.
 */
@Singleton
public class Announcements {

    private final Outbox outbox;
    private final UserDirectory users;

    Announcements(Outbox outbox, UserDirectory users) {
        this.outbox = outbox;
        this.users = users;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void opened(Ticket ticket) {
        Map<String, String> payload = payload(ticket, ticket.requesterId());
        toFeeds(ticket, NotificationKind.OPENED, payload, null);
        // one query, not one per responder: new tickets are the hot path
        for (User responder : users.activeWithRoleReachedOnlyByEmail(Role.RESPONDER, outbox.feeds().values())) {
            if (responder.id() != ticket.requesterId()) {
                outbox.enqueue(ticket.id(), responder.id(), Channel.EMAIL, NotificationKind.OPENED, payload);
            }
        }
        if (!ticket.source().answeredWhereOpened()) {
            users.byId(ticket.requesterId()).filter(u -> u.email() != null).ifPresent(requester ->
                    outbox.enqueue(ticket.id(), requester.id(), Channel.EMAIL, NotificationKind.OPENED, payload));
        }
    }

    /** A change of state the requester cares about (claimed, resolved, reopened, cancelled): the card too. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void toRequester(Ticket ticket, NotificationKind kind, Long actorId) {
        changed(ticket, actorId);
        toRequester(ticket, kind, payload(ticket, actorId), actorId);
    }

    /** A change the holder cares about (reopened, cancelled, released or handed over by someone else). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void toHolder(Ticket ticket, long holderId, NotificationKind kind, Long actorId) {
        if (actorId == null || actorId != holderId) {
            emailHolder(ticket, holderId, kind, payload(ticket, actorId));
        }
    }

    /** The ticket's card changed: re-render it wherever responders follow tickets. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void changed(Ticket ticket, Long actorId) {
        toFeeds(ticket, NotificationKind.CHANGED, payload(ticket, actorId), null);
    }

    /** Fields of the ticket changed ({@code fields} names them): the card, the requester and the holder. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void edited(Ticket ticket, long actorId, String fields) {
        changed(ticket, actorId);
        Map<String, String> payload = payload(ticket, actorId);
        payload.put("fields", fields);
        toRequester(ticket, NotificationKind.EDITED, payload, actorId);
        if (ticket.responderId() != null && ticket.responderId() != actorId) {
            emailHolder(ticket, ticket.responderId(), NotificationKind.EDITED, payload);
        }
    }

    /** The ticket went from {@code previousHolderId} (null when it was pending) to its new holder. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void handedOver(Ticket ticket, Long previousHolderId, long actorId) {
        changed(ticket, actorId);
        Map<String, String> payload = payload(ticket, actorId);
        if (previousHolderId != null) {
            payload.put("previousHolderId", Long.toString(previousHolderId));
        }
        toRequester(ticket, NotificationKind.HANDED_OVER, payload, actorId);
        if (ticket.responderId() != actorId) {
            users.byId(ticket.responderId()).filter(User::active)
                    .ifPresent(holder -> everyChannel(ticket, holder, NotificationKind.HANDED_OVER, payload));
        }
        if (previousHolderId != null && previousHolderId != actorId) {
            users.byId(previousHolderId).filter(User::active)
                    .ifPresent(old -> everyChannel(ticket, old, NotificationKind.HANDED_OVER, payload));
        }
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void message(Ticket ticket, long messageId, long senderId, Channel origin) {
        Map<String, String> payload = payload(ticket, senderId);
        payload.put("messageId", Long.toString(messageId));
        payload.put("origin", origin.db());
        toFeeds(ticket, NotificationKind.MESSAGE, payload, origin);
        if (senderId != ticket.requesterId()) {
            users.byId(ticket.requesterId()).filter(User::active)
                    .ifPresent(r -> everyChannel(ticket, r, NotificationKind.MESSAGE, payload));
        } else if (ticket.responderId() != null) {
            emailHolder(ticket, ticket.responderId(), NotificationKind.MESSAGE, payload);
        }
    }

    /**
     * Rule 14: an internal note reaches responders and admins on every channel: where they follow tickets, and by
     * email for those who follow none. Never the requester, nor its author.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void note(Ticket ticket, long messageId, long authorId, Channel origin) {
        Map<String, String> payload = payload(ticket, authorId);
        payload.put("messageId", Long.toString(messageId));
        payload.put("origin", origin.db());
        toFeeds(ticket, NotificationKind.INTERNAL_NOTE, payload, origin);
        for (Role role : List.of(Role.RESPONDER, Role.ADMIN)) {
            for (User reader : users.activeWithRoleReachedOnlyByEmail(role, outbox.feeds().values())) {
                if (reader.id() != authorId && reader.id() != ticket.requesterId()) {
                    outbox.enqueue(ticket.id(), reader.id(), Channel.EMAIL, NotificationKind.INTERNAL_NOTE, payload);
                }
            }
        }
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void allDeclined(Ticket ticket) {
        for (User admin : users.activeWithRole(Role.ADMIN)) {
            everyChannel(ticket, admin, NotificationKind.ALL_DECLINED, payload(ticket, null));
        }
    }

    private void toRequester(Ticket ticket, NotificationKind kind, Map<String, String> payload, Long actorId) {
        if (actorId == null || actorId != ticket.requesterId()) {
            users.byId(ticket.requesterId()).ifPresent(r -> everyChannel(ticket, r, kind, payload));
        }
    }

    /** A broadcast on every channel that keeps a feed, except the one the news came from. */
    private void toFeeds(Ticket ticket, NotificationKind kind, Map<String, String> payload, Channel origin) {
        for (Channel feed : outbox.feeds().keySet()) {
            if (feed != origin) {
                outbox.enqueue(ticket.id(), null, feed, kind, payload);
            }
        }
    }

    /** Email, and a direct message on each chat platform the person is linked on. */
    private void everyChannel(Ticket ticket, User user, NotificationKind kind, Map<String, String> payload) {
        if (user.email() != null) {
            outbox.enqueue(ticket.id(), user.id(), Channel.EMAIL, kind, payload);
        }
        for (Platform platform : users.platformsOf(user.id())) {
            outbox.enqueue(ticket.id(), user.id(), platform.channel(), kind, payload);
        }
    }

    /** An active holder who does not follow tickets in a feed hears by email. */
    private void emailHolder(Ticket ticket, long holderId, NotificationKind kind, Map<String, String> payload) {
        users.byId(holderId).filter(User::active).ifPresent(holder -> {
            if (!followsAFeed(holder) && holder.email() != null) {
                outbox.enqueue(ticket.id(), holder.id(), Channel.EMAIL, kind, payload);
            }
        });
    }

    private boolean followsAFeed(User user) {
        Set<Platform> linked = users.platformsOf(user.id());
        return outbox.feeds().values().stream().anyMatch(linked::contains);
    }

    private static Map<String, String> payload(Ticket ticket, Long actorId) {
        Map<String, String> payload = new HashMap<>();
        payload.put("ticketId", Long.toString(ticket.id()));
        payload.put("status", ticket.status().db());
        if (actorId != null) {
            payload.put("actorId", Long.toString(actorId));
        }
        return payload;
    }
}
