package ticketdesk.mail.inbound;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ticketdesk.mail.matching.SenderAuthentication;
import ticketdesk.mail.reply.MimeDecoder;
import ticketdesk.mail.reply.ParsedMail;
import ticketdesk.mail.spool.RawMail;

/** The mail that waits for an admin (see {@link Outcome#WAITING}), newest first, and one mail as its page shows it. */
@Singleton
public class WaitingMail {

    /** So much of the raw message a page shows. */
    public static final int SHOWN = 100_000;

    public record Line(long id, LocalDateTime receivedAt, String from, String subject, Outcome outcome, String why,
                       Long ticketId) {
    }

    public record Page(List<Line> lines, long total) {
    }

    /**
     * One mail: {@code why} is its error or note, {@code text} what was taken from it, {@code rawStart} its first
     * {@value #SHOWN} bytes; while it waits, {@code fromName} and {@code forged} (the receiving server's reason, or
     * null) come from the message itself. {@code handledBy} is the admin who applied, attached or dismissed it.
     */
    public record Details(long id, String messageId, LocalDateTime receivedAt, String from, String fromName,
                          String subject, Outcome outcome, boolean waits, String why, Long ticketId, String text,
                          String rawStart, long rawSize, String forged, Long handledBy, LocalDateTime handledAt,
                          String handledAs) {
    }

    /** The waiting outcomes; a failed mail only once given up on. */
    private static final List<Outcome> WAITING_ANY_ATTEMPT = Outcome.WAITING.stream()
            .filter(o -> o != Outcome.FAILED).toList();
    private static final String WAITS = "(outcome IN (" + String.join(", ",
            java.util.Collections.nCopies(WAITING_ANY_ATTEMPT.size(), "?")) + ") OR (outcome = ? AND attempts >= ?))";

    private final JdbcOperations jdbc;
    private final StoredMail stored;
    private final MimeDecoder decoder;
    private final SenderAuthentication authentication;

    WaitingMail(JdbcOperations jdbc, StoredMail stored, MimeDecoder decoder, SenderAuthentication authentication) {
        this.jdbc = jdbc;
        this.stored = stored;
        this.decoder = decoder;
        this.authentication = authentication;
    }

    @ReadOnly
    public Page page(int offset, int limit) {
        long total = jdbc.prepareStatement("SELECT COUNT(*) FROM inbound_emails WHERE " + WAITS, ps -> {
            waiting(ps);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
        return new Page(jdbc.prepareStatement("SELECT id, received_at, from_address, subject, outcome,"
                + " COALESCE(error, note), ticket_id FROM inbound_emails WHERE " + WAITS
                + " ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?", ps -> {
                    int next = waiting(ps);
                    ps.setInt(next, limit);
                    ps.setInt(next + 1, offset);
                    List<Line> lines = new ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            lines.add(new Line(rs.getLong(1), rs.getObject(2, LocalDateTime.class), rs.getString(3),
                                    rs.getString(4), Outcome.fromDb(rs.getString(5)), rs.getString(6), id(rs, 7)));
                        }
                    }
                    return lines;
                }), total);
    }

    /** The mail's page; while it waits, its raw message is read back and decoded for the sender's name and forgery. */
    @ReadOnly
    public Optional<Details> one(long id) {
        Optional<Details> row = read(id);
        if (row.isEmpty() || !row.get().waits()) {
            return row;
        }
        Optional<StoredMail.Row> raw = stored.row(id).filter(stored::whole);
        if (raw.isEmpty()) {
            return row;
        }
        try (RawMail spooled = stored.spool(raw.get())) {
            ParsedMail mail = decoder.decode(spooled);
            SenderAuthentication.Verdict verdict = authentication.of(mail);
            Details d = row.get();
            return Optional.of(new Details(d.id(), d.messageId(), d.receivedAt(), d.from(), mail.fromName(),
                    d.subject(), d.outcome(), true, d.why(), d.ticketId(), d.text(), d.rawStart(), d.rawSize(),
                    verdict.kind() == SenderAuthentication.Verdict.Kind.FAIL ? verdict.why() : null, null, null,
                    null));
        }
    }

    /** The From address of the mail, if there is such a mail. */
    public Optional<String> sender(long id) {
        return stored.row(id).map(StoredMail.Row::from);
    }

    private Optional<Details> read(long id) {
        return jdbc.prepareStatement("SELECT id, message_id, received_at, from_address, subject, outcome, attempts,"
                + " COALESCE(error, note), ticket_id, extracted_text, COALESCE(OCTET_LENGTH(raw_message), 0),"
                + " SUBSTRING(raw_message, 1, ?), handled_by, handled_at, handled_as FROM inbound_emails WHERE id = ?",
                ps -> {
                    ps.setInt(1, SHOWN);
                    ps.setLong(2, id);
                    try (var rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(details(rs)) : Optional.<Details>empty();
                    }
                });
    }

    private static Details details(ResultSet rs) throws SQLException {
        Outcome outcome = Outcome.fromDb(rs.getString(6));
        byte[] start = rs.getBytes(12);
        return new Details(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDateTime.class), rs.getString(4),
                null, rs.getString(5), outcome, outcome.waits(rs.getInt(7)), rs.getString(8), id(rs, 9),
                rs.getString(10), start == null ? "" : new String(start, StandardCharsets.UTF_8), rs.getLong(11),
                null, id(rs, 13), rs.getObject(14, LocalDateTime.class), rs.getString(15));
    }

    /** Binds the waiting outcomes; returns the next parameter's index. */
    private static int waiting(java.sql.PreparedStatement ps) throws SQLException {
        int i = 1;
        for (Outcome o : WAITING_ANY_ATTEMPT) {
            ps.setString(i++, o.db());
        }
        ps.setString(i++, Outcome.FAILED.db());
        ps.setInt(i++, InboundPipeline.MAX_ATTEMPTS);
        return i;
    }

    private static Long id(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
