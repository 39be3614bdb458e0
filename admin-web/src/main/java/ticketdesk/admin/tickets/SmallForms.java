package ticketdesk.admin.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Optional;

/** The ticket page's one-field forms as posted. */
final class SmallForms {

    private SmallForms() {
    }

    /** Hand over or assign: {@code to} is the chosen user's id. */
    @Serdeable
    record HandOverForm(@Nullable String to) {

        Optional<Long> receiverId() {
            try {
                return to == null ? Optional.empty() : Optional.of(Long.parseLong(to.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** An internal note; {@code key} is the form's own id, so a note posted twice (a double click) is stored once. */
    @Serdeable
    record NoteForm(@Nullable String body, @Nullable String key) {
    }
}
