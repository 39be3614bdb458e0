package ticketdesk.bot.card;

import jakarta.inject.Singleton;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import ticketdesk.core.Refusal;
import ticketdesk.core.message.Message;
import ticketdesk.core.message.MessageType;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.ticket.TicketStatus;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

/** The wording of ticket answers and personal notices, the same on every chat platform. */
@Singleton
public class TicketWords {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final UserDirectory users;

    TicketWords(UserDirectory users) {
        this.users = users;
    }

    public String opened(Ticket ticket, Names names) {
        return "Ticket #" + ticket.id() + " opened: " + names.text(ticket.title())
                + " (priority " + ticket.priority().db()
                + (ticket.category() == null ? "" : ", category " + names.text(ticket.category())) + ").";
    }

    /** A refusal from core as a sentence. */
    public String refusal(Refusal refusal) {
        String message = refusal.message() == null ? refusal.reason().name().toLowerCase(Locale.ROOT)
                : refusal.message();
        return message.endsWith(".") ? message : message + ".";
    }

    /** One line of a list: "#42 [in process, Alice] printer broken". */
    public String line(Ticket ticket, Names names) {
        return "#" + ticket.id() + " [" + statusWord(ticket.status())
                + holderName(ticket, names).map(name -> ", " + name).orElse("") + "] " + names.text(ticket.title());
    }

    public String status(Ticket ticket, Names names) {
        String requester = users.byId(ticket.requesterId()).map(u -> names.text(u.displayName())).orElse("someone");
        StringBuilder text = new StringBuilder("#" + ticket.id() + " " + names.text(ticket.title()));
        text.append("\nStatus: ").append(statusWord(ticket.status()));
        holderName(ticket, names).ifPresent(name -> text.append(ticket.status() == TicketStatus.DONE
                ? ", resolved by " : ", held by ").append(name));
        text.append("\nPriority: ").append(ticket.priority().db());
        if (ticket.category() != null) {
            text.append(" · Category: ").append(names.text(ticket.category()));
        }
        text.append("\nOpened by ").append(requester).append(" on ").append(WHEN.format(ticket.createdAt()));
        if (ticket.description() != null) {
            text.append("\n").append(names.text(ticket.description()));
        }
        return text.toString();
    }

    /** A personal notice about a ticket (a chat DM), or null for kinds nobody is told personally. */
    public String notice(NotificationKind kind, Ticket ticket, User actor, Message message, Names names) {
        String subject = "ticket #" + ticket.id() + " \"" + names.text(ticket.title()) + "\"";
        String by = actor == null ? "" : " by " + names.of(actor);
        return switch (kind) {
            case OPENED -> "New " + subject + by + ".";
            case CLAIMED -> "Your " + subject + " was claimed" + by + ".";
            case RESOLVED -> "Your " + subject + " was resolved" + by + ".";
            case REOPENED -> capital(subject) + " was reopened" + by + ".";
            case CANCELLED -> capital(subject) + " was cancelled" + by + ".";
            case RELEASED -> capital(subject) + " was released back to the pool" + by + ".";
            case ALL_DECLINED -> "Every responder declined " + subject + "; it needs an admin.";
            case MESSAGE -> message == null ? null
                    : (actor == null ? "Someone" : names.of(actor)) + " on " + subject + ": "
                            + names.text(message.body());
            case EDITED -> capital(subject) + " was changed" + by + ".";
            case HANDED_OVER -> capital(subject) + " is now held by " + holderName(ticket, names).orElse("someone")
                    + by.replace(" by ", ", given by ") + ".";
            case INTERNAL_NOTE -> message == null ? null
                    : "Internal note from " + (actor == null ? "someone" : names.of(actor)) + " on " + subject + ": "
                            + names.text(message.body());
            case CHANGED, AUTO_ANSWER, NOTE, EVENT -> null;
        };
    }

    /**
     * How a message from another channel reads in the ticket's thread: "Bob (email): text", or
     * "Internal note from Bob (web): text" for a note.
     */
    public String relayed(User sender, Message message) {
        String name = sender == null ? "Someone" : sender.displayName();
        String who = message.type() == MessageType.NOTE ? "Internal note from " + name : name;
        return who + " (" + message.channel().db() + "): " + message.body();
    }

    /** The holder's display name, as typed text: in a list it must not ping them. */
    private Optional<String> holderName(Ticket ticket, Names names) {
        if (ticket.responderId() == null) {
            return Optional.empty();
        }
        return users.byId(ticket.responderId()).map(holder -> names.text(holder.displayName()));
    }

    private static String statusWord(TicketStatus status) {
        return status.db().replace('_', ' ');
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
