package ticketdesk.core.secret;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDateTime;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SettingRepository extends GenericRepository<SettingRow, String> {

    @Query("SELECT setting_value FROM settings WHERE setting_name = :name")
    Optional<String> findValue(String name);

    @Query("INSERT IGNORE INTO settings (setting_name, setting_value, created_at) VALUES (:name, :value, :now)")
    int insertIfAbsent(String name, String value, LocalDateTime now);
}
