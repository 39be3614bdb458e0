package ticketdesk.bot.slack;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDateTime;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AcceptedRequestRepository extends GenericRepository<AcceptedRequestRow, String> {

    /** Fails on the primary key when the request was accepted before. */
    AcceptedRequestRow save(AcceptedRequestRow row);

    Optional<AcceptedRequestRow> findById(String requestKey);

    @Query("UPDATE slack_accepted_requests SET status_code = :statusCode, content_type = :contentType, body = :body"
            + " WHERE request_key = :requestKey")
    void answered(String requestKey, int statusCode, @Nullable String contentType, @Nullable String body);

    @Query("DELETE FROM slack_accepted_requests WHERE expires_at < :now")
    int deleteExpired(LocalDateTime now);
}
