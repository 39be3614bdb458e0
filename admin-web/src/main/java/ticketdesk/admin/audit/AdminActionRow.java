package ticketdesk.admin.audit;

import java.time.LocalDateTime;

/** One user event with the names of its user and actor, as the Admin actions tab and its CSV show it. */
record AdminActionRow(long id, LocalDateTime createdAt, long userId, String user, Long actorId, String actor,
                      String eventType, String field, String oldValue, String newValue, String channel,
                      String address) {

    Cursor cursor() {
        return new Cursor(createdAt, id);
    }

    /** The actor's name; a failed sign-in's actor is whoever typed the password, unknown. */
    String actorName() {
        if (actorId != null) {
            return actor == null ? "#" + actorId : actor;
        }
        return "sign_in_failed".equals(eventType) ? "unknown" : "system";
    }
}
