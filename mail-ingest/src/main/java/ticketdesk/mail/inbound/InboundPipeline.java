package ticketdesk.mail.inbound;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ticketdesk.core.Times;
import ticketdesk.core.message.Attachment;
import ticketdesk.core.ticket.TicketQueries;
import ticketdesk.mail.MailSettings;
import ticketdesk.mail.matching.Match;
import ticketdesk.mail.matching.ReplyMatcher;
import ticketdesk.mail.reply.MimeDecoder;
import ticketdesk.mail.reply.ParsedMail;
import ticketdesk.mail.reply.ReplyExtractor;

/**
 * The one way an inbound email goes, whether IMAP or {@code POST /mail/inbound} brought it: decoded,
 * recorded in {@code inbound_emails} under its Message-ID (or a digest of its content) so it is
 * handled exactly once, checked against loops, matched, handed to core, and its outcome recorded.
 * Only a failure of the database itself escapes; everything about the mail becomes an outcome.
 */
@Singleton
public class InboundPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(InboundPipeline.class);
    private static final Duration STALE = Duration.ofMinutes(10);

    private final MimeDecoder decoder;
    private final LoopGuard guard;
    private final ReplyMatcher matcher;
    private final Applying applying;
    private final AutoAnswers answers;
    private final InboundEmailRepository rows;
    private final TicketQueries tickets;
    private final TransactionOperations<Connection> tx;
    private final Times times;
    private final MailSettings settings;

    InboundPipeline(MimeDecoder decoder, LoopGuard guard, ReplyMatcher matcher, Applying applying,
                    AutoAnswers answers, InboundEmailRepository rows, TicketQueries tickets,
                    TransactionOperations<Connection> tx, Times times, MailSettings settings) {
        this.decoder = decoder;
        this.guard = guard;
        this.matcher = matcher;
        this.applying = applying;
        this.answers = answers;
        this.rows = rows;
        this.tickets = tickets;
        this.tx = tx;
        this.times = times;
        this.settings = settings;
    }

    /** What the pipeline did; for a duplicate, {@code earlier} is the outcome recorded the first time. */
    public record Received(Outcome outcome, Long ticketId, String messageKey, String note, Outcome earlier) {
    }

    public Received receive(byte[] raw, String via) {
        ParsedMail mail = decoder.decode(raw);
        String key = key(mail, raw);
        Optional<InboundEmailRow> earlier = claim(key, mail, raw);
        if (earlier.isPresent()) {
            Outcome first = Outcome.fromDb(earlier.get().outcome());
            return new Received(Outcome.DUPLICATE, earlier.get().ticketId(), key, "already received", first);
        }
        Applying.Result result = decideSafely(mail, key, via);
        Long ticketId = result.ticketId() != null && tickets.byId(result.ticketId()).isPresent() ? result.ticketId() : null;
        String note = join(String.join("; ", mail.notes()), result.note(), storedRawNote(raw));
        tx.executeWrite(s -> {
            rows.findByMessageId(key).ifPresent(row ->
                    rows.finish(row.id(), result.outcome().db(), ticketId, cut(result.text(), 1_000_000), cut(note, 60_000)));
            return null;
        });
        LOG.info("inbound email {} via {} from {}: {}", key, via, mail.from(), result.outcome().db());
        return new Received(result.outcome(), ticketId, key, note, null);
    }

    private Applying.Result decideSafely(ParsedMail mail, String key, String via) {
        try {
            return decide(mail, key);
        } catch (RuntimeException e) {
            LOG.warn("inbound email {} (via {}) failed: {}", key, via, e.toString());
            return new Applying.Result(Outcome.FAILED, null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Applying.Result decide(ParsedMail mail, String key) {
        if (mail.malformed() != null) {
            return new Applying.Result(Outcome.MALFORMED, null, null, mail.malformed());
        }
        if (mail.from() == null) {
            return new Applying.Result(Outcome.MALFORMED, null, null, "no From address");
        }
        String text = ReplyExtractor.extract(mail.text());
        Optional<String> automated = guard.automated(mail);
        if (automated.isPresent()) {
            return new Applying.Result(Outcome.AUTOMATED, null, text, automated.get());
        }
        if (guard.own(mail)) {
            return new Applying.Result(Outcome.OWN_MAIL, null, text, null);
        }
        Match match = matcher.match(mail);
        if (match instanceof Match.Reply reply) {
            return applying.reply(reply, mail, text, key);
        }
        if (match instanceof Match.NewTicket newTicket) {
            return applying.open(newTicket, mail, text, key);
        }
        if (match instanceof Match.Unverified unverified) {
            return new Applying.Result(Outcome.UNVERIFIED, unverified.ticketId(), text, unverified.why());
        }
        Match.Stranger stranger = (Match.Stranger) match;
        boolean answered = answers.answer(stranger.address(), mail.subject(), mail.messageId(), stranger.deactivated());
        return new Applying.Result(stranger.deactivated() ? Outcome.INACTIVE_SENDER : Outcome.UNKNOWN_SENDER, null,
                text, answered ? "answered politely" : "not answered (answered recently, or email out is off)");
    }

    /** Records the mail as being handled; returns the earlier record when it was already received. */
    private Optional<InboundEmailRow> claim(String key, ParsedMail mail, byte[] raw) {
        var now = times.now();
        Optional<InboundEmailRow> known = tx.executeRead(s -> rows.findByMessageId(key));
        if (known.isPresent()) {
            return retakeOrKeep(known.get(), now);
        }
        try {
            tx.executeWrite(s -> rows.save(new InboundEmailRow(null, key, now, cut(mail.from(), 320),
                    cut(mail.subject(), 1000), null, Outcome.PROCESSING.db(), storedRaw(raw), null, null)));
            return Optional.empty();
        } catch (DataAccessException e) {
            // another delivery of the same mail recorded it a moment ago
            return retakeOrKeep(tx.executeRead(s -> rows.findByMessageId(key)).orElseThrow(() -> e), now);
        }
    }

    private Optional<InboundEmailRow> retakeOrKeep(InboundEmailRow existing, java.time.LocalDateTime now) {
        boolean retake = tx.executeWrite(s -> rows.takeOver(existing.id(), now, now.minus(STALE)) == 1);
        return retake ? Optional.empty() : Optional.of(existing);
    }

    private byte[] storedRaw(byte[] raw) {
        return raw.length <= settings.getMaxStoredRawSize() ? raw
                : Arrays.copyOf(raw, (int) settings.getMaxStoredRawSize());
    }

    private String storedRawNote(byte[] raw) {
        return raw.length <= settings.getMaxStoredRawSize() ? null
                : "raw message of " + raw.length + " bytes: only the first " + settings.getMaxStoredRawSize() + " kept";
    }

    /** The Message-ID, or a digest of what the mail says when it has none (or an unusably long one). */
    static String key(ParsedMail mail, byte[] raw) {
        String id = mail.messageId();
        if (id != null && id.length() <= 255) {
            return id;
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (id != null) {
            sha.update(id.getBytes(StandardCharsets.UTF_8));
        } else if (mail.malformed() != null || mail.headers().isEmpty()) {
            sha.update(raw);
        } else {
            for (String part : new String[] {mail.from(), mail.header("Date"), mail.subject(), mail.text()}) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            for (Attachment a : mail.attachments()) {
                sha.update(a.content());
            }
        }
        return "<sha256." + HexFormat.of().formatHex(sha.digest()) + "@digest.ticketdesk>";
    }

    private static String join(String... notes) {
        StringBuilder b = new StringBuilder();
        for (String n : notes) {
            if (n != null && !n.isBlank()) {
                b.append(b.isEmpty() ? "" : "; ").append(n);
            }
        }
        return b.isEmpty() ? null : b.toString();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
