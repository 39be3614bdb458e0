package ticketdesk.core.ticket;

import java.util.Optional;
import ticketdesk.core.Refusal;
import ticketdesk.core.text.CleanText;

/** What a ticket's title, description and category must be, whether the ticket is being opened or changed. */
final class TicketText {

    private TicketText() {
    }

    /** The title as stored (trimmed), or why it cannot be. */
    static Optional<Refusal> titleRefusal(String title) {
        if (title.isEmpty()) {
            return Optional.of(Refusal.invalid("title", "a ticket needs a title"));
        }
        if (title.length() > OpeningTicket.MAX_TITLE) {
            return Optional.of(Refusal.invalid("title", "the title is " + title.length() + " characters; at most "
                    + OpeningTicket.MAX_TITLE + " are allowed (put the details in the description)"));
        }
        return Optional.empty();
    }

    static Optional<Refusal> descriptionRefusal(String description) {
        return description != null && description.length() > OpeningTicket.MAX_DESCRIPTION
                ? Optional.of(Refusal.invalid("description", "the description is longer than " + OpeningTicket.MAX_DESCRIPTION
                        + " characters"))
                : Optional.empty();
    }

    static Optional<Refusal> categoryRefusal(String category) {
        return category != null && category.length() > OpeningTicket.MAX_CATEGORY
                ? Optional.of(Refusal.invalid("category", "the category is longer than " + OpeningTicket.MAX_CATEGORY
                        + " characters"))
                : Optional.empty();
    }

    /** The title as typed, cleaned ({@link CleanText}) and trimmed; empty when none was typed. */
    static String title(String typed) {
        return typed == null ? "" : CleanText.line(typed).strip();
    }

    /** The description as typed, cleaned and trimmed; null when blank. */
    static String description(String typed) {
        return blankToNull(CleanText.lines(typed));
    }

    /** The category as typed, cleaned and trimmed; null when blank. */
    static String category(String typed) {
        return blankToNull(CleanText.line(typed));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
