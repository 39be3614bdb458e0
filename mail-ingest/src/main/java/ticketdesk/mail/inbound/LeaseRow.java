package ticketdesk.mail.inbound;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;

@MappedEntity("mail_leases")
record LeaseRow(@Id String leaseName, @Nullable String holder, LocalDateTime expiresAt) {
}
