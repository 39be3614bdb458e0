package ticketdesk.core.webhook;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface WebhookEndpointRepository extends GenericRepository<WebhookEndpointRow, Long> {

    WebhookEndpointRow save(WebhookEndpointRow row);

    WebhookEndpointRow update(WebhookEndpointRow row);

    Optional<WebhookEndpointRow> findById(long id);

    @Query("SELECT * FROM webhook_endpoints ORDER BY id")
    List<WebhookEndpointRow> listAll();

    /** The endpoints that receive events: read for every audit event, from a table of a handful of rows. */
    @Query("SELECT * FROM webhook_endpoints WHERE is_active = TRUE ORDER BY id")
    List<WebhookEndpointRow> listActive();

    @Query("DELETE FROM webhook_endpoints WHERE id = :id")
    int remove(long id);
}
