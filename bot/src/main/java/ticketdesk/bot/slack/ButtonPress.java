package ticketdesk.bot.slack;

/**
 * A card's button pressed in Slack, as far as ticketdesk reads it: who pressed it (and their team), where, the
 * request's response_url and the first action. Any of them may be missing; {@code action} is null when the payload
 * carries none.
 */
record ButtonPress(String userId, String userName, String teamId, String channelId, String responseUrl,
                   Action action) {

    /** The pressed button's action_id and value, as the card set them. */
    record Action(String id, String value) {
    }

    SlackPeople.Person presser() {
        return new SlackPeople.Person(userId, userName, teamId);
    }

    Where where() {
        return new Where(null, channelId, userId, responseUrl);
    }
}
