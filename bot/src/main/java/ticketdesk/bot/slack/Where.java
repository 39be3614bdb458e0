package ticketdesk.bot.slack;

/** Where to tell a Slack user something later: their channel, their id, and the request's response_url. */
record Where(Long ticketId, String channel, String user, String responseUrl) {

    Where about(long ticket) {
        return new Where(ticket, channel, user, responseUrl);
    }
}
