package ticketdesk.bot.slack;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SlackMessagePostRepository extends GenericRepository<SlackMessagePostRow, Long> {

    SlackMessagePostRow save(SlackMessagePostRow row);

    Optional<SlackMessagePostRow> findById(Long messageId);
}
