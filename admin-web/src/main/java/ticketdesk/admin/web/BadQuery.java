package ticketdesk.admin.web;

/**
 * A list's query string names a filter value the panel does not know (an event type, a status, a date that is no
 * date). Answered with 400 and the reason, so a typo never silently widens a list or a CSV export to everything.
 */
public final class BadQuery extends RuntimeException {

    public BadQuery(String message) {
        super(message, null, false, false);
    }
}
