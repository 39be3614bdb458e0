package ticketdesk.mail.inbound;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ticketdesk.core.ticket.TicketQueries;
import ticketdesk.mail.matching.Match;
import ticketdesk.mail.matching.ReplyMatcher;
import ticketdesk.mail.reply.MimeDecoder;
import ticketdesk.mail.reply.ParsedMail;
import ticketdesk.mail.reply.ReplyExtractor;
import ticketdesk.mail.spool.RawMail;

/**
 * The one way an inbound email goes, whether IMAP or {@code POST /mail/inbound} brought it: decoded,
 * recorded in {@code inbound_emails} under its Message-ID (or a digest of its content) so it is
 * handled exactly once, checked against loops, matched, handed to core, and its outcome recorded.
 * Only a failure of the database itself escapes; everything about the mail becomes an outcome. A mail that waited
 * for an admin ({@link HeldMail}) goes the same way again from its claim on.
 */
@Singleton
public class InboundPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(InboundPipeline.class);

    /** After this many failed attempts a mail is given up on: its outcome stays failed and the mailbox moves on. */
    public static final int MAX_ATTEMPTS = 5;
    /** How the note of a mail refused for a forged sender begins. */
    static final String FORGED = "forged sender: ";

    private final MimeDecoder decoder;
    private final LoopGuard guard;
    private final ReplyMatcher matcher;
    private final Applying applying;
    private final AutoAnswers answers;
    private final InboundRecords records;
    private final TicketQueries tickets;

    InboundPipeline(MimeDecoder decoder, LoopGuard guard, ReplyMatcher matcher, Applying applying,
                    AutoAnswers answers, InboundRecords records, TicketQueries tickets) {
        this.decoder = decoder;
        this.guard = guard;
        this.matcher = matcher;
        this.applying = applying;
        this.answers = answers;
        this.records = records;
        this.tickets = tickets;
    }

    /**
     * What the pipeline did; for a duplicate, {@code earlier} is the outcome recorded the first time.
     * {@code attempts} counts the deliveries that tried to handle this mail.
     */
    public record Received(Outcome outcome, Long ticketId, String messageKey, String note, Outcome earlier,
                           int attempts) {

        /** Worth delivering again later: handling failed and was not given up on, or another delivery is at it. */
        public boolean retryable() {
            return (outcome == Outcome.FAILED && attempts < MAX_ATTEMPTS)
                    || (outcome == Outcome.DUPLICATE && earlier == Outcome.PROCESSING);
        }
    }

    /** A message held in memory (a small one, or a test's): spooled, then handled like any other. */
    public Received receive(byte[] raw, String via) {
        try (RawMail spooled = RawMail.of(raw)) {
            return receive(spooled, via);
        }
    }

    /** Handles a spooled message; the caller deletes the spool once this returns. */
    public Received receive(RawMail raw, String via) {
        ParsedMail mail = decoder.decode(raw);
        String key = InboundRecords.key(mail, raw);
        Claim claim = records.claim(key, mail, raw);
        if (claim instanceof Claim.Known known) {
            InboundEmailRow earlier = known.earlier();
            return new Received(Outcome.DUPLICATE, earlier.ticketId(), key, "already received",
                    Outcome.fromDb(earlier.outcome()), earlier.attempts());
        }
        return handle((Claim.Ours) claim, raw, mail, key, Handling.arrived(via, matcher::match));
    }

    /** Handles a mail this caller claimed (as it arrived, or as an admin applies it again) and records the outcome. */
    Received handle(Claim.Ours ours, RawMail raw, ParsedMail mail, String key, Handling how) {
        String via = how.via();
        Applying.Result result = !raw.complete() ? tooLarge(raw)
                : ours.openedTicketId() != null ? openedBefore(mail, ours.openedTicketId())
                : decideSafely(mail, key, how);
        Long ticketId = result.ticketId() != null && tickets.byId(result.ticketId()).isPresent() ? result.ticketId() : null;
        String gaveUp = result.outcome() == Outcome.FAILED && ours.attempts() >= MAX_ATTEMPTS
                ? "given up after " + ours.attempts() + " attempts" : null;
        String note = join(String.join("; ", mail.notes()), result.note(), records.rawNote(raw), gaveUp);
        records.finish(key, result.outcome(), ticketId, result.text(), note, how.action());
        LOG.info("inbound email {} via {} from {}: {}", key, via, mail.from(), result.outcome().db());
        return new Received(result.outcome(), ticketId, key, note, null, ours.attempts());
    }

    /** An earlier attempt opened the ticket (and died before recording its outcome): never a second one. */
    private static Applying.Result openedBefore(ParsedMail mail, long ticketId) {
        return new Applying.Result(Outcome.OPENED_TICKET, ticketId, ReplyExtractor.extract(mail.text(), mail.subject()),
                "the ticket was opened by an earlier attempt");
    }

    private Applying.Result tooLarge(RawMail raw) {
        return new Applying.Result(Outcome.TOO_LARGE, null, null, "larger than the " + raw.size()
                + " bytes of MAIL_INBOUND_MAX_SIZE: only its start was read, and nothing of it applied");
    }

    private Applying.Result decideSafely(ParsedMail mail, String key, Handling how) {
        try {
            return decide(mail, key, how);
        } catch (RuntimeException e) {
            LOG.warn("inbound email {} (via {}) failed: {}", key, how.via(), e.toString());
            return new Applying.Result(Outcome.FAILED, null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Applying.Result decide(ParsedMail mail, String key, Handling how) {
        if (mail.malformed() != null) {
            return new Applying.Result(Outcome.MALFORMED, null, null, mail.malformed());
        }
        if (mail.from() == null) {
            return new Applying.Result(Outcome.MALFORMED, null, null, "no From address");
        }
        String text = ReplyExtractor.extract(mail.text(), mail.subject());
        Optional<String> automated = guard.automated(mail);
        if (automated.isPresent()) {
            return new Applying.Result(Outcome.AUTOMATED, null, text, automated.get());
        }
        if (guard.own(mail)) {
            return new Applying.Result(Outcome.OWN_MAIL, null, text, null);
        }
        return apply(how.matching().apply(mail), mail, text, key, how.answersSender());
    }

    private Applying.Result apply(Match match, ParsedMail mail, String text, String key, boolean answer) {
        if (match instanceof Match.Reply reply) {
            return reply(reply, mail, text, key, answer);
        }
        if (match instanceof Match.NewTicket newTicket) {
            return applying.open(newTicket, mail, text, key);
        }
        if (match instanceof Match.Unverified unverified) {
            return new Applying.Result(Outcome.UNVERIFIED, unverified.ticketId(), text, unverified.why());
        }
        if (match instanceof Match.Held held) {
            boolean asked = answer && answers.unauthenticated(mail.from(), mail.subject(), mail.messageId(),
                    held.ticketId());
            return new Applying.Result(Outcome.UNMATCHED, held.ticketId(), text, held.why() + (asked
                    ? "; the sender was asked to answer the notification email" : "; the sender was not asked again"));
        }
        if (match instanceof Match.Forged forged) {
            return new Applying.Result(Outcome.REFUSED, null, text, FORGED + forged.why());
        }
        Match.Stranger stranger = (Match.Stranger) match;
        boolean answered = answer
                && answers.stranger(stranger.address(), mail.subject(), mail.messageId(), stranger.deactivated());
        return new Applying.Result(stranger.deactivated() ? Outcome.INACTIVE_SENDER : Outcome.UNKNOWN_SENDER, null,
                text, answered ? "answered politely" : answer ? "not answered (answered recently, or email out is off)"
                : "not answered: handled in the panel");
    }

    private Applying.Result reply(Match.Reply reply, ParsedMail mail, String text, String key, boolean answer) {
        Applying.Result result = applying.reply(reply, mail, text, key);
        if (result.outcome() == Outcome.REFUSED && answer) {
            String to = reply.sender().email() != null ? reply.sender().email() : mail.from();
            boolean told = answers.refused(to, mail.subject(), mail.messageId(), result.note());
            return told ? result.withNote(result.note() + "; the sender was told") : result;
        }
        return result;
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
}
