package ticketdesk.core.secret;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;

@MappedEntity("settings")
record SettingRow(@Id String settingName, String settingValue, LocalDateTime createdAt) {
}
