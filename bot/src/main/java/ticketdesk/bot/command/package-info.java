/**
 * The {@code /ticket …} command of any chat platform: its syntax ({@link ticketdesk.bot.command.TicketCommandParser})
 * and what each command does through core ({@link ticketdesk.bot.command.ChatDesk}). No Slack types here, so a
 * Discord adapter reuses it as it is.
 */
package ticketdesk.bot.command;
