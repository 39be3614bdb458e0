package ticketdesk.mail.inbound;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;

@MappedEntity("mail_auto_answers")
record AutoAnswerRow(@Id String address, LocalDateTime lastSentAt, int answers) {
}
