/**
 * The Slack wiring: {@code POST /slack/events} handed to one Bolt {@code App} (signature first, ack within 3 s),
 * one handler per command, button and event, and the Slack {@code Notifier} that posts and updates cards, thread
 * messages, DMs and ephemeral notes through the outbox. Every Web API call goes through the outbox except
 * {@code views.open} (and a first-time user's {@code users.info}), which run right after the ack.
 */
package ticketdesk.bot.slack;
