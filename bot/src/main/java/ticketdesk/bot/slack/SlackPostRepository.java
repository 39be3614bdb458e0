package ticketdesk.bot.slack;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDateTime;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SlackPostRepository extends GenericRepository<SlackPostRow, Long> {

    SlackPostRow save(SlackPostRow row);

    Optional<SlackPostRow> findById(Long ticketId);

    @Query("SELECT * FROM slack_ticket_posts WHERE channel = :channel AND ts = :ts")
    Optional<SlackPostRow> findByChannelAndTs(String channel, String ts);

    /** Takes over posting a card nobody has posted, or whose poster gave up or died before {@code staleBefore}. */
    @Query("UPDATE slack_ticket_posts SET posting_since = :now, channel = :channel, updated_at = :now"
            + " WHERE ticket_id = :ticketId AND ts IS NULL"
            + " AND (posting_since IS NULL OR posting_since < :staleBefore)")
    long takeOver(long ticketId, String channel, LocalDateTime now, LocalDateTime staleBefore);

    @Query("UPDATE slack_ticket_posts SET channel = :channel, ts = :ts, posting_since = NULL, updated_at = :now"
            + " WHERE ticket_id = :ticketId")
    void posted(long ticketId, String channel, String ts, LocalDateTime now);

    @Query("UPDATE slack_ticket_posts SET posting_since = NULL, updated_at = :now WHERE ticket_id = :ticketId"
            + " AND ts IS NULL")
    void gaveUp(long ticketId, LocalDateTime now);
}
