/**
 * A ticket's card (what it says for each state, which buttons it offers), what pressing each button means, and
 * the wording of chat answers and personal notices. Platform-neutral: a platform renders the card and names
 * people its own way ({@link ticketdesk.bot.card.Names}).
 */
package ticketdesk.bot.card;
