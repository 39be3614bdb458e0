package ticketdesk.mail.inbound;

import io.micronaut.core.annotation.Nullable;

/** What recording an inbound email found: it is ours to handle now, or it was (or is being) handled already. */
sealed interface Claim {

    /** Ours to handle; {@code attempts} counts this one, {@code openedTicketId} is a ticket an earlier attempt opened. */
    record Ours(int attempts, @Nullable Long openedTicketId) implements Claim {
    }

    /** Received before: the earlier record, settled, or still being handled by another delivery. */
    record Known(InboundEmailRow earlier) implements Claim {
    }
}
