package ticketdesk.mail.inbound;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Optional;
import ticketdesk.core.Times;
import ticketdesk.core.message.Attachment;
import ticketdesk.mail.MailSettings;
import ticketdesk.mail.reply.ParsedMail;
import ticketdesk.mail.spool.RawMail;

/**
 * {@code inbound_emails}: every inbound mail under its key (its Message-ID, or a digest of its content),
 * with the raw message, the extracted text and the outcome. Recording the key first is what makes a
 * mail handled once however often and by whichever way it arrives.
 */
@Singleton
class InboundRecords {

    private static final Duration STALE = Duration.ofMinutes(10);
    /** error and note are TEXT, 65,535 bytes: this many characters fit even at four bytes each. */
    private static final int MAX_NOTE = 16_000;

    private final InboundEmailRepository rows;
    private final TransactionOperations<Connection> tx;
    private final Times times;
    private final MailSettings settings;
    private final RawMessages rawMessages;
    private final HeldMailLog log;

    InboundRecords(InboundEmailRepository rows, TransactionOperations<Connection> tx, Times times,
                   MailSettings settings, RawMessages rawMessages, HeldMailLog log) {
        this.rows = rows;
        this.log = log;
        this.rawMessages = rawMessages;
        this.tx = tx;
        this.times = times;
        this.settings = settings;
    }

    /**
     * Records the mail as being handled. A mail received before is {@link Claim.Known}, unless its
     * handling failed or died long ago: then this delivery takes it over and it is ours again.
     */
    Claim claim(String key, ParsedMail mail, RawMail raw) {
        LocalDateTime now = times.now();
        Optional<InboundEmailRow> known = tx.executeRead(s -> rows.findByMessageId(key));
        if (known.isPresent()) {
            return retakeOrKeep(known.get(), now);
        }
        try {
            tx.executeWrite(s -> {
                InboundEmailRow row = rows.save(new InboundEmailRow(null, key, now, cut(mail.from(), 320),
                        cut(mail.subject(), 1000), null, Outcome.PROCESSING.db(), null, null, null, null, 1));
                rawMessages.store(row.id(), raw, settings.getMaxStoredRawSize());
                return row;
            });
            return new Claim.Ours(1, null);
        } catch (DataAccessException e) {
            // another delivery of the same mail recorded it a moment ago
            return retakeOrKeep(tx.executeRead(s -> rows.findByMessageId(key)).orElseThrow(() -> e), now);
        }
    }

    /** Notes the ticket this mail opened; called inside the transaction that opens it, so both or neither stay. */
    void linkTicket(String key, long ticketId) {
        tx.executeWrite(s -> {
            rows.link(key, ticketId);
            return null;
        });
    }

    /**
     * The note goes to {@code error} when the mail did not go through, else to {@code note}; an admin's action is
     * recorded with the outcome, in the same transaction.
     */
    void finish(String key, Outcome outcome, Long ticketId, String text, String note, AdminAction action) {
        String kept = cut(note, MAX_NOTE);
        tx.executeWrite(s -> {
            rows.findByMessageId(key).ifPresent(row -> {
                rows.finish(row.id(), outcome.db(), ticketId, cut(text, 1_000_000), outcome.failure() ? kept : null,
                        outcome.failure() ? null : kept);
                if (action != null) {
                    log.handled(row.id(), action, outcome, ticketId);
                }
            });
            return null;
        });
    }

    /** Says so when only the start of a very large raw message is kept (a MySQL packet is 16 MB by default). */
    String rawNote(RawMail raw) {
        return raw.size() <= settings.getMaxStoredRawSize() ? null
                : "raw message of " + raw.size() + " bytes: only the first " + settings.getMaxStoredRawSize() + " kept";
    }

    /** The Message-ID, or a digest of what the mail says when it has none (or an unusably long one). */
    static String key(ParsedMail mail, RawMail raw) {
        String id = mail.messageId();
        if (id != null && id.length() <= 255) {
            return id;
        }
        MessageDigest sha = sha256();
        if (id != null) {
            sha.update(id.getBytes(StandardCharsets.UTF_8));
        } else if (mail.malformed() != null || mail.headers().isEmpty()) {
            digest(sha, raw::open);
        } else {
            // what the sender wrote, not what relays added (Received:, Delivered-To:), so both ways in agree
            for (String part : new String[] {mail.from(), mail.header("Date"), mail.subject(), mail.text()}) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            for (Attachment a : mail.attachments()) {
                digest(sha, a.content());
            }
        }
        return "<sha256." + HexFormat.of().formatHex(sha.digest()) + "@digest.ticketdesk>";
    }

    private Claim retakeOrKeep(InboundEmailRow existing, LocalDateTime now) {
        Optional<InboundEmailRow> taken = tx.executeWrite(s -> rows.takeOver(existing.id(), now, now.minus(STALE)) == 1
                ? rows.findByMessageId(existing.messageId()) : Optional.empty());
        return taken.<Claim>map(row -> new Claim.Ours(row.attempts(), row.ticketId())).orElse(new Claim.Known(existing));
    }

    private static void digest(MessageDigest sha, Attachment.Content content) {
        try (InputStream in = content.open()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a spooled file is not readable", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
