package ticketdesk.bot.slack;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AcceptedRequestRepository extends GenericRepository<AcceptedRequestRow, byte[]> {

    /** Fails on the primary key when the request was accepted before. */
    @Query("INSERT INTO slack_accepted_requests (signed_at, request_key, status_code, content_type, body)"
            + " VALUES (:signedAt, :requestKey, :statusCode, :contentType, :body)")
    void insert(long signedAt, byte[] requestKey, @Nullable Integer statusCode, @Nullable String contentType,
                @Nullable String body);

    @Query("SELECT * FROM slack_accepted_requests WHERE signed_at = :signedAt AND request_key = :requestKey")
    Optional<AcceptedRequestRow> find(long signedAt, byte[] requestKey);

    @Query("UPDATE slack_accepted_requests SET status_code = :statusCode, content_type = :contentType, body = :body"
            + " WHERE signed_at = :signedAt AND request_key = :requestKey")
    void answered(long signedAt, byte[] requestKey, int statusCode, @Nullable String contentType,
                  @Nullable String body);

    @Query("DELETE FROM slack_accepted_requests WHERE signed_at < :before")
    int deleteSignedBefore(long before);
}
