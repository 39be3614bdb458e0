package ticketdesk.core.audit;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface UserEventRepository extends GenericRepository<UserEventRow, Long> {

    UserEventRow save(UserEventRow row);
}
