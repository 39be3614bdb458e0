package ticketdesk.mail.outbound;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ticketdesk.core.message.Attachment;
import ticketdesk.core.message.Message;
import ticketdesk.core.message.MessageQueries;
import ticketdesk.core.outbox.Notification;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.ticket.TicketQueries;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;
import ticketdesk.mail.outbound.ConfirmLinks.Action;

/**
 * Writes the email of a notification from the ticket as it is now: the subject {@code [#42] printer
 * broken — claimed by Alice}, a text and an HTML body, the threading headers and the reply token.
 * Empty when there is nobody to write to (no address, a deactivated recipient, a vanished ticket).
 */
@Singleton
class MailComposer {

    private final UserDirectory users;
    private final TicketQueries tickets;
    private final MessageQueries messages;
    private final MessageIds ids;
    private final ReplyTokens tokens;
    private final ConfirmLinks links;
    private final SentMessages sent;

    MailComposer(UserDirectory users, TicketQueries tickets, MessageQueries messages, MessageIds ids,
                 ReplyTokens tokens, ConfirmLinks links, SentMessages sent) {
        this.users = users;
        this.tickets = tickets;
        this.messages = messages;
        this.ids = ids;
        this.tokens = tokens;
        this.links = links;
        this.sent = sent;
    }

    Optional<OutgoingMail> compose(Notification n) {
        if (n.kind() == NotificationKind.AUTO_ANSWER) {
            return answer(n);
        }
        if (n.ticketId() == null || n.recipientUserId() == null || !emailKinds(n.kind())) {
            return Optional.empty();
        }
        User recipient = users.byId(n.recipientUserId()).filter(User::active).orElse(null);
        Ticket ticket = tickets.byId(n.ticketId()).orElse(null);
        if (recipient == null || recipient.email() == null || ticket == null) {
            return Optional.empty();
        }
        MailBody body = new MailBody();
        String suffix = write(n, ticket, recipient, body);
        if (suffix == null) {
            return Optional.empty();
        }
        body.para("Ticket #" + ticket.id() + ": " + ticket.title() + "\nStatus: " + status(ticket)
                + holder(ticket).map(h -> " · Responder: " + h.displayName()).orElse(""));
        if (tickets.claimableBy(recipient.id(), ticket.id())) {
            body.link("Claim", links.url(Action.CLAIM, ticket.id(), recipient.id()));
            body.link("Decline", links.url(Action.DECLINE, ticket.id(), recipient.id()));
        }
        body.footer("Reply to this email to add a message to ticket #" + ticket.id() + ".");
        String root = ids.ticketRoot(ticket.id());
        String previous = sent.previous(ticket.id(), recipient.id(), n.id()).orElse(null);
        List<String> references = previous == null ? List.of(root) : List.of(root, previous);
        return Optional.of(new OutgoingMail(recipient.email(), "[#" + ticket.id() + "] " + ticket.title() + suffix,
                body.text(), body.html(), ids.forNotification(n.id()), previous == null ? root : previous, references,
                tokens.replyTo(ticket.id(), recipient.id()), "auto-generated"));
    }

    /** Writes the kind's own paragraphs; returns the subject's suffix, or null for nothing to send. */
    private String write(Notification n, Ticket ticket, User recipient, MailBody body) {
        String actor = actorName(n);
        boolean requester = recipient.id() == ticket.requesterId();
        switch (n.kind()) {
            case OPENED -> {
                String requesterName = users.byId(ticket.requesterId()).map(User::displayName).orElse("someone");
                body.para(requester ? "Your ticket #" + ticket.id() + " is open. A responder will pick it up soon."
                        : requesterName + " opened ticket #" + ticket.id() + ".");
                body.para(ticket.description());
                return requester ? " — opened" : " — new ticket from " + requesterName;
            }
            case CLAIMED -> {
                body.para(actor + " claimed your ticket and is working on it.");
                return " — claimed by " + actor;
            }
            case RELEASED -> {
                body.para(actor + " released the ticket; it is back in the pool.");
                return " — released by " + actor;
            }
            case RESOLVED -> {
                body.para(actor + " resolved the ticket. Reply to this email within a week if the problem is back.");
                return " — resolved by " + actor;
            }
            case REOPENED -> {
                body.para(actor + " reopened the ticket.");
                return " — reopened by " + actor;
            }
            case CANCELLED -> {
                body.para(actor + " cancelled the ticket.");
                return " — cancelled by " + actor;
            }
            case EDITED -> {
                body.para(actor + " changed the ticket's " + n.payload().getOrDefault("fields", "details")
                        .replace(",", ", ") + ".");
                body.para(ticket.description());
                return " — changed by " + actor;
            }
            case HANDED_OVER -> {
                String holder = holder(ticket).map(User::displayName).orElse("another responder");
                body.para(ticket.isHeldBy(recipient.id()) ? actor + " gave you this ticket."
                        : actor + " gave the ticket to " + holder + ".");
                return " — now with " + holder;
            }
            case INTERNAL_NOTE -> {
                Message note = messageOf(n);
                if (note == null || requester) {
                    return null;
                }
                body.para(actor + " added an internal note (the requester does not see it):");
                body.quote(note.body());
                return " — internal note from " + actor;
            }
            case ALL_DECLINED -> {
                body.para("Every active responder declined this ticket; it needs someone to take it.");
                return " — declined by every responder";
            }
            case MESSAGE -> {
                Message message = messageOf(n);
                if (message == null) {
                    return null;
                }
                body.para(actor + " wrote:");
                body.quote(message.body());
                List<String> files = new ArrayList<>();
                for (Attachment a : messages.attachmentsOf(message.id())) {
                    files.add(a.fileName() + " (" + a.size() + " bytes)");
                }
                if (!files.isEmpty()) {
                    body.para("Attached: " + String.join(", ", files));
                }
                return " — message from " + actor;
            }
            default -> {
                return null;
            }
        }
    }

    private Optional<OutgoingMail> answer(Notification n) {
        String to = n.payload("to");
        if (to == null || to.isBlank()) {
            return Optional.empty();
        }
        MailBody body = new MailBody();
        body.para(n.payload().getOrDefault("body", ""));
        String inReplyTo = n.payload("inReplyTo");
        return Optional.of(new OutgoingMail(to, n.payload().getOrDefault("subject", "Your email to the help desk"),
                body.text(), body.html(), ids.forNotification(n.id()), inReplyTo,
                inReplyTo == null ? List.of() : List.of(inReplyTo), null, "auto-replied"));
    }

    private Message messageOf(Notification n) {
        try {
            return messages.byId(Long.parseLong(n.payload("messageId"))).orElse(null);
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private String actorName(Notification n) {
        try {
            return users.byId(Long.parseLong(n.payload("actorId"))).map(User::displayName).orElse("Someone");
        } catch (NumberFormatException | NullPointerException e) {
            return "ticketdesk";
        }
    }

    private Optional<User> holder(Ticket ticket) {
        return ticket.responderId() == null ? Optional.empty() : users.byId(ticket.responderId());
    }

    private static String status(Ticket ticket) {
        return ticket.status().db().replace('_', ' ');
    }

    private static boolean emailKinds(NotificationKind kind) {
        return switch (kind) {
            case OPENED, CLAIMED, RELEASED, RESOLVED, REOPENED, CANCELLED, MESSAGE, ALL_DECLINED, EDITED,
                 HANDED_OVER, INTERNAL_NOTE -> true;
            default -> false;
        };
    }
}
