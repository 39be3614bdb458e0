package ticketdesk.bot.slack;

/**
 * A person's message in a thread of the channel, as far as ticketdesk reads it: where, who (and their team),
 * the thread and the message's own ts, its text as Slack sent it (markup and all), and whether files came
 * with it.
 */
record ThreadMessage(String channel, String user, String team, String threadTs, String ts, String text,
                     boolean withFiles) {
}
