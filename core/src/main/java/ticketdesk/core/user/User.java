package ticketdesk.core.user;

import java.time.LocalDateTime;

/** A person known to ticketdesk, as the rest of the system reads it. */
public record User(
        long id,
        String displayName,
        String email,
        String phoneE164,
        Role role,
        String profession,
        String organization,
        boolean active,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean canWorkTickets() {
        return active && role.canWorkTickets();
    }
}
