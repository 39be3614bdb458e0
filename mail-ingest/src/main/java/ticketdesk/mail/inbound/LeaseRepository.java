package ticketdesk.mail.inbound;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDateTime;

@JdbcRepository(dialect = Dialect.MYSQL)
interface LeaseRepository extends GenericRepository<LeaseRow, String> {

    /** Takes or renews the lease: one conditional UPDATE, so two instances never both hold it. */
    @Query("UPDATE mail_leases SET holder = :holder, expires_at = :until WHERE lease_name = :name"
            + " AND (holder = :holder OR holder IS NULL OR expires_at < :now)")
    int acquire(String name, String holder, LocalDateTime now, LocalDateTime until);

    @Query("UPDATE mail_leases SET holder = NULL, expires_at = :past WHERE lease_name = :name AND holder = :holder")
    int release(String name, String holder, LocalDateTime past);
}
