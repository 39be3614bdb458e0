package ticketdesk.bot.command;

import ticketdesk.core.ticket.Priority;

/** What a person asked for with {@code /ticket …}, independent of the chat platform that carried it. */
public sealed interface TicketCommand {

    /** Open a ticket; priority, category and description are null when not given. */
    record Open(String title, Priority priority, String category, String description) implements TicketCommand {
    }

    /** No text at all: show the form. */
    record Form() implements TicketCommand {
    }

    record ListMine() implements TicketCommand {
    }

    record Status(long ticketId) implements TicketCommand {
    }

    record Close(long ticketId) implements TicketCommand {
    }

    record Help() implements TicketCommand {
    }

    /** The text could not be understood; {@code problem} says why and how to write it. */
    record Invalid(String problem) implements TicketCommand {
    }
}
