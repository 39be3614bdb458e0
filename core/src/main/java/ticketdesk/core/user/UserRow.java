package ticketdesk.core.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.LocalDateTime;

@MappedEntity("users")
record UserRow(
        @Id @GeneratedValue @Nullable Long id,
        String displayName,
        @Nullable String email,
        @Nullable String phoneE164,
        String role,
        @Nullable String profession,
        @Nullable String organization,
        @MappedProperty("is_active") boolean active,
        @Nullable String passwordHash,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {

    User toUser() {
        return new User(id, displayName, email, phoneE164, Role.fromDb(role), profession, organization, active,
                createdAt, updatedAt);
    }
}
