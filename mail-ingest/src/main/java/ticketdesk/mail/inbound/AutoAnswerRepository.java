package ticketdesk.mail.inbound;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDateTime;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AutoAnswerRepository extends GenericRepository<AutoAnswerRow, String> {

    /** Claims the next answer to an address answered before, if its last answer is old enough. */
    @Query("UPDATE mail_auto_answers SET last_sent_at = :now, answers = answers + 1"
            + " WHERE address = :address AND last_sent_at < :answeredBefore")
    int claimAgain(String address, LocalDateTime now, LocalDateTime answeredBefore);

    /** Claims the first answer; a concurrent claim fails on the primary key. */
    @Query("INSERT INTO mail_auto_answers (address, last_sent_at, answers) VALUES (:address, :now, 1)")
    void claimFirst(String address, LocalDateTime now);

    @Query("SELECT COUNT(*) FROM mail_auto_answers WHERE address = :address")
    long count(String address);
}
