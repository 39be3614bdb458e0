package ticketdesk.mail.inbound;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;

@MappedEntity("mail_imap_cursors")
record ImapCursorRow(@Id String mailbox, long uidValidity, long lastUid, LocalDateTime updatedAt) {
}
