package ticketdesk.admin.audit;

import java.time.LocalDateTime;

/**
 * One audit event with the names a reader needs, as the audit view and the CSV export show it: the raw change for
 * the CSV, and {@code detail}, the change in words with people named, for the page (null in the export).
 */
public record AuditRow(long id, LocalDateTime createdAt, long ticketId, String ticketTitle, Long actorId, String actor,
                String eventType, String fromStatus, String toStatus, String field, String oldValue, String newValue,
                String channel, String detail) {

    public Cursor cursor() {
        return new Cursor(createdAt, id);
    }

    String actorName() {
        return actorId == null ? "system" : actor;
    }
}
