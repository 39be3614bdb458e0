package ticketdesk.bot.command;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import ticketdesk.bot.card.Names;
import ticketdesk.bot.card.TicketWords;
import ticketdesk.core.Channel;
import ticketdesk.core.ticket.Actors;
import ticketdesk.core.ticket.CancellingTicket;
import ticketdesk.core.ticket.ChangeResult;
import ticketdesk.core.ticket.Commands;
import ticketdesk.core.ticket.OpenResult;
import ticketdesk.core.ticket.OpeningTicket;
import ticketdesk.core.ticket.Priority;
import ticketdesk.core.ticket.ResolvingTicket;
import ticketdesk.core.ticket.Source;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.ticket.TicketQueries;
import ticketdesk.core.ticket.TicketStatus;
import ticketdesk.core.user.User;

/**
 * Carries out a {@link TicketCommand} for a person on any chat platform and words the answer. Core decides
 * everything; this class only chooses the use case and turns its outcome into one line of text.
 * {@code close} resolves a ticket its caller holds and cancels anything else (core lets only the requester or
 * an admin cancel).
 */
@Singleton
public class ChatDesk {

    /** How a refused opening starts, wherever the refusal is shown. */
    public static final String NOT_OPENED = "The ticket was not opened: ";
    private static final int LIST_LINES = 20;

    private final OpeningTicket opening;
    private final ResolvingTicket resolving;
    private final CancellingTicket cancelling;
    private final TicketQueries tickets;
    private final Actors actors;
    private final TicketWords words;

    ChatDesk(OpeningTicket opening, ResolvingTicket resolving, CancellingTicket cancelling, TicketQueries tickets,
             Actors actors, TicketWords words) {
        this.opening = opening;
        this.resolving = resolving;
        this.cancelling = cancelling;
        this.tickets = tickets;
        this.actors = actors;
        this.words = words;
    }

    /** Whether answering needs to know who is asking (help and bad syntax do not). */
    public static boolean needsPerson(TicketCommand command) {
        return !(command instanceof TicketCommand.Help || command instanceof TicketCommand.Invalid
                || command instanceof TicketCommand.Form);
    }

    /** The answer for commands that need no person: help and syntax problems. */
    public static String answerWithoutPerson(TicketCommand command, String commandName) {
        if (command instanceof TicketCommand.Invalid invalid) {
            return invalid.problem() + " Type `" + commandName + " help` for the syntax.";
        }
        if (command instanceof TicketCommand.Form) {
            return "Use the form to open a ticket, or type `" + commandName + " <what is wrong>`.";
        }
        return TicketCommandParser.help(commandName);
    }

    /** The answer to {@code command}; {@code names} escapes what people typed the platform's way. */
    public String run(TicketCommand command, User person, Source source, Names names) {
        if (command instanceof TicketCommand.Open open) {
            return answer(open(person, open.title(), open.description(), open.priority(), open.category(), source),
                    names);
        }
        if (!needsPerson(command)) {
            return answerWithoutPerson(command, "/ticket");
        }
        Optional<String> refusal = refusalOf(person);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (command instanceof TicketCommand.Status status) {
            return status(person, status.ticketId(), names);
        }
        if (command instanceof TicketCommand.Close close) {
            return close(person, close.ticketId(), source.channel());
        }
        return list(person, names);
    }

    public OpenResult open(User person, String title, String description, Priority priority, String category,
                           Source source) {
        return opening.open(new Commands.OpenTicket(person.id(), title, description, priority, category, source));
    }

    /** "Ticket #42 opened: …", or why it was not, the same from a command and from a form. */
    public String answer(OpenResult result, Names names) {
        if (result instanceof OpenResult.Opened opened) {
            return words.opened(opened.ticket(), names);
        }
        return NOT_OPENED + words.refusal(((OpenResult.Refused) result).refusal());
    }

    private String list(User person, Names names) {
        List<Ticket> visible = tickets.visibleTo(person.id());
        if (visible.isEmpty()) {
            return "You have no tickets. Open one with `/ticket <what is wrong>`.";
        }
        StringBuilder text = new StringBuilder("Tickets you can see (" + visible.size() + "):");
        visible.stream().limit(LIST_LINES).forEach(t -> text.append('\n').append(words.line(t, names)));
        if (visible.size() > LIST_LINES) {
            text.append("\n…and ").append(visible.size() - LIST_LINES).append(" more");
        }
        return text.toString();
    }

    private String status(User person, long ticketId, Names names) {
        return tickets.viewAs(person.id(), ticketId).map(ticket -> words.status(ticket, names))
                .orElse("Ticket #" + ticketId + " was not found among the tickets you can see.");
    }

    private String close(User person, long ticketId, Channel channel) {
        Optional<Ticket> visible = tickets.viewAs(person.id(), ticketId);
        if (visible.isEmpty()) {
            return "Ticket #" + ticketId + " was not found among the tickets you can see.";
        }
        Ticket ticket = visible.get();
        boolean holder = ticket.status() == TicketStatus.IN_PROCESS && ticket.isHeldBy(person.id());
        ChangeResult result = holder
                ? resolving.resolve(new Commands.ResolveTicket(ticketId, person.id(), channel))
                : cancelling.cancel(new Commands.CancelTicket(ticketId, person.id(), channel));
        if (result instanceof ChangeResult.Refused refused) {
            return "Ticket #" + ticketId + " was not closed: " + words.refusal(refused.refusal());
        }
        return "Ticket #" + ticketId + " is now " + (holder ? "resolved" : "cancelled") + ".";
    }

    /** Queries change nothing, so core does not refuse them; a deactivated person is still told no. */
    private Optional<String> refusalOf(User person) {
        Actors.Acting acting = actors.load(person.id());
        return acting.refused() ? Optional.of(words.refusal(acting.refusal())) : Optional.empty();
    }
}
