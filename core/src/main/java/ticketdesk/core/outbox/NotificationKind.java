package ticketdesk.core.outbox;

import java.util.Locale;

/** What a notification announces. Stored lower-case in {@code notifications.kind}. */
public enum NotificationKind {
    /** A new ticket: to the responders' channel (recipient null) and to each responder. */
    OPENED,
    /** The ticket's state changed: re-render wherever it is shown (the channel card). */
    CHANGED,
    CLAIMED,
    RELEASED,
    RESOLVED,
    REOPENED,
    CANCELLED,
    /** A ticket message: payload {@code messageId}. */
    MESSAGE,
    /** Fields of the ticket were changed: payload {@code fields}, their names separated by commas. */
    EDITED,
    /** The ticket has a new holder: payload {@code previousHolderId} unless it was pending. */
    HANDED_OVER,
    /** An internal note (payload {@code messageId}): for responders and admins, never the requester. */
    INTERNAL_NOTE,
    /** Every active responder declined the ticket: to the admins. */
    ALL_DECLINED,
    /** A one-off answer to an address that is not a user (payload {@code to}, {@code subject}, {@code body}). */
    AUTO_ANSWER,
    /**
     * A one-off note for one person on one chat channel, defined wholly by its payload (for Slack:
     * {@code channel}, {@code user}, {@code text}, optional {@code responseUrl}); how an adapter tells a
     * clicker "already claimed by Alice" after the ack.
     */
    NOTE,
    /** An audit event for a webhook endpoint: payload {@code endpointId} and {@code eventId}. */
    EVENT;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotificationKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
