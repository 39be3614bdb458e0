package ticketdesk.core.ticket;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import ticketdesk.core.Channel;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.outbox.Outbox;
import ticketdesk.core.user.Platform;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

/**
 * Decides who hears about a change and on which channel, and records it in the outbox within the
 * change's transaction. Slack responders follow tickets in the responders' channel (a broadcast with
 * no recipient); people without Slack get email. Requesters hear on every channel they have.
 * Nobody is told about their own action, and a message is never posted back where it came from.
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
        outbox.enqueue(ticket.id(), null, Channel.SLACK, NotificationKind.OPENED, payload);
        // one query, not one per responder: new tickets are the hot path
        var byEmail = outbox.delivers(Channel.SLACK)
                ? users.activeWithRoleReachedOnlyByEmail(Role.RESPONDER, Platform.SLACK)
                : users.activeWithRole(Role.RESPONDER).stream().filter(r -> r.email() != null).toList();
        for (User responder : byEmail) {
            if (responder.id() != ticket.requesterId()) {
                outbox.enqueue(ticket.id(), responder.id(), Channel.EMAIL, NotificationKind.OPENED, payload);
            }
        }
        if (ticket.source() != Source.SLACK) {
            users.byId(ticket.requesterId()).filter(u -> u.email() != null).ifPresent(requester ->
                    outbox.enqueue(ticket.id(), requester.id(), Channel.EMAIL, NotificationKind.OPENED, payload));
        }
    }

    /** A change the requester cares about (claimed, resolved, reopened, cancelled). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void toRequester(Ticket ticket, NotificationKind kind, Long actorId) {
        changed(ticket, actorId);
        if (actorId == null || actorId != ticket.requesterId()) {
            users.byId(ticket.requesterId()).ifPresent(r -> everyChannel(ticket, r, kind, payload(ticket, actorId)));
        }
    }

    /** A change the holder cares about (reopened or cancelled by someone else). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void toHolder(Ticket ticket, long holderId, NotificationKind kind, Long actorId) {
        if (actorId != null && actorId == holderId) {
            return;
        }
        emailHolder(ticket, holderId, kind, payload(ticket, actorId));
    }

    /** The ticket's card changed: re-render it where responders see it. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void changed(Ticket ticket, Long actorId) {
        outbox.enqueue(ticket.id(), null, Channel.SLACK, NotificationKind.CHANGED, payload(ticket, actorId));
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void message(Ticket ticket, long messageId, long senderId, Channel origin) {
        Map<String, String> payload = payload(ticket, senderId);
        payload.put("messageId", Long.toString(messageId));
        payload.put("origin", origin.db());
        if (origin != Channel.SLACK) {
            outbox.enqueue(ticket.id(), null, Channel.SLACK, NotificationKind.MESSAGE, payload);
        }
        if (senderId != ticket.requesterId()) {
            users.byId(ticket.requesterId()).filter(User::active)
                    .ifPresent(r -> everyChannel(ticket, r, NotificationKind.MESSAGE, payload));
        } else if (ticket.responderId() != null) {
            emailHolder(ticket, ticket.responderId(), NotificationKind.MESSAGE, payload);
        }
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void allDeclined(Ticket ticket) {
        for (User admin : users.activeWithRole(Role.ADMIN)) {
            everyChannel(ticket, admin, NotificationKind.ALL_DECLINED, payload(ticket, null));
        }
    }

    private void everyChannel(Ticket ticket, User user, NotificationKind kind, Map<String, String> payload) {
        if (user.email() != null) {
            outbox.enqueue(ticket.id(), user.id(), Channel.EMAIL, kind, payload);
        }
        if (users.identityOf(user.id(), Platform.SLACK).isPresent()) {
            outbox.enqueue(ticket.id(), user.id(), Channel.SLACK, kind, payload);
        }
    }

    /** An active holder who does not follow tickets in Slack hears by email. */
    private void emailHolder(Ticket ticket, long holderId, NotificationKind kind, Map<String, String> payload) {
        users.byId(holderId).filter(User::active).ifPresent(holder -> {
            if (!followsInSlack(holder) && holder.email() != null) {
                outbox.enqueue(ticket.id(), holder.id(), Channel.EMAIL, kind, payload);
            }
        });
    }

    private boolean followsInSlack(User user) {
        return outbox.delivers(Channel.SLACK) && users.identityOf(user.id(), Platform.SLACK).isPresent();
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
