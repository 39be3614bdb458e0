package ticketdesk.core.token;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ApiTokenRepository extends GenericRepository<ApiTokenRow, Long> {

    ApiTokenRow save(ApiTokenRow row);

    Optional<ApiTokenRow> findById(long id);

    Optional<ApiTokenRow> findByTokenKey(String tokenKey);

    @Query("SELECT * FROM api_tokens ORDER BY revoked_at IS NOT NULL, id DESC")
    List<ApiTokenRow> listAll();

    @Query("UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
    int revoke(long id, LocalDateTime now);

    /** Records a use, at most once per {@code stale} interval, so a busy token costs no write per call. */
    @Query("UPDATE api_tokens SET last_used_at = :now WHERE id = :id"
            + " AND (last_used_at IS NULL OR last_used_at < :stale)")
    int touch(long id, LocalDateTime now, LocalDateTime stale);
}
