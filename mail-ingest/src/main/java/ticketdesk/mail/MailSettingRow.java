package ticketdesk.mail;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;

@MappedEntity("mail_settings")
record MailSettingRow(@Id String settingName, String settingValue, LocalDateTime createdAt) {
}
