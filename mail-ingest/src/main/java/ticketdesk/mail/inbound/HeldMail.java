package ticketdesk.mail.inbound;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.Function;
import ticketdesk.core.audit.Actor;
import ticketdesk.core.audit.UserEventType;
import ticketdesk.core.ticket.TicketQueries;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;
import ticketdesk.mail.matching.Match;
import ticketdesk.mail.matching.ReplyMatcher;
import ticketdesk.mail.matching.SenderAuthentication;
import ticketdesk.mail.matching.SenderAuthentication.Verdict;
import ticketdesk.mail.reply.MimeDecoder;
import ticketdesk.mail.reply.ParsedMail;
import ticketdesk.mail.spool.RawMail;

/**
 * What an admin can do with a mail that waited for them ({@link Outcome#WAITING}): apply it (matched again, the
 * admin vouching for its sender), attach it to a ticket as a reply of its sender, or dismiss it. Applying claims the
 * row with one conditional UPDATE from the outcome the admin saw, then runs the {@link InboundPipeline} from its
 * claim on, exactly as for a fresh delivery: two admins, or an admin and a redelivery, apply it once. A mail the
 * receiving server found forged is applied only with the admin's explicit confirmation.
 */
@Singleton
public class HeldMail {

    private static final String VIA = "panel";

    private final StoredMail stored;
    private final InboundPipeline pipeline;
    private final MimeDecoder decoder;
    private final ReplyMatcher matcher;
    private final SenderAuthentication authentication;
    private final UserDirectory users;
    private final TicketQueries tickets;
    private final HeldMailLog log;

    HeldMail(StoredMail stored, InboundPipeline pipeline, MimeDecoder decoder, ReplyMatcher matcher,
             SenderAuthentication authentication, UserDirectory users, TicketQueries tickets, HeldMailLog log) {
        this.stored = stored;
        this.pipeline = pipeline;
        this.decoder = decoder;
        this.matcher = matcher;
        this.authentication = authentication;
        this.users = users;
        this.tickets = tickets;
        this.log = log;
    }

    /** Matches the mail again as if the receiving server had vouched for its sender, and applies what matched. */
    public HeldResult apply(long id, Outcome seen, Actor admin, boolean confirmed) {
        Verdict vouched = new Verdict(Verdict.Kind.PASS, "vouched for in the panel");
        return act(id, seen, admin, confirmed, UserEventType.MAIL_APPLIED, mail -> matcher.match(mail, vouched));
    }

    /** Applies the mail as a reply of its sender to ticket {@code ticketId}; core decides whether they may write to it. */
    public HeldResult attach(long id, Outcome seen, long ticketId, Actor admin, boolean confirmed) {
        if (tickets.byId(ticketId).isEmpty()) {
            return new HeldResult.Refused("there is no ticket #" + ticketId);
        }
        return act(id, seen, admin, confirmed, UserEventType.MAIL_ATTACHED, mail -> new Match.Reply(ticketId,
                users.byEmail(mail.from()).orElseThrow(), "attached to ticket #" + ticketId + " in the panel"));
    }

    public HeldResult dismiss(long id, Outcome seen, Actor admin) {
        Optional<StoredMail.Row> row = stored.row(id);
        if (row.isEmpty()) {
            return notFound(id);
        }
        if (row.get().outcome() != seen || !seen.waits(row.get().attempts())
                || !log.dismiss(id, seen, action(admin, UserEventType.MAIL_DISMISSED, row.get()))) {
            return handledFirst(id);
        }
        return new HeldResult.Done(Outcome.DISMISSED, null, null);
    }

    private HeldResult act(long id, Outcome seen, Actor admin, boolean confirmed, UserEventType type,
                           Function<ParsedMail, Match> matching) {
        Optional<StoredMail.Row> found = stored.row(id);
        if (found.isEmpty()) {
            return notFound(id);
        }
        StoredMail.Row row = found.get();
        if (row.outcome() != seen || !seen.waits(row.attempts())) {
            return new HeldResult.AlreadyHandled(row.outcome());
        }
        if (!stored.whole(row)) {
            return new HeldResult.Refused("only the start of this mail was kept, so it cannot be applied");
        }
        try (RawMail raw = stored.spool(row)) {
            ParsedMail mail = decoder.decode(raw);
            Verdict verdict = authentication.of(mail);
            if (verdict.kind() == Verdict.Kind.FAIL && !confirmed) {
                return new HeldResult.NeedsConfirmation(verdict.why());
            }
            Optional<User> sender = users.byEmail(mail.from());
            if (sender.isEmpty() || !sender.get().active()) {
                return new HeldResult.SenderUnknown(mail.from(), sender.isPresent());
            }
            if (!stored.claim(row)) {
                return handledFirst(id);
            }
            Handling how = new Handling(VIA, matching, action(admin, type, row));
            InboundPipeline.Received r = pipeline.handle(new Claim.Ours(row.attempts() + 1, null), raw, mail,
                    row.messageId(), how);
            return new HeldResult.Done(r.outcome(), r.ticketId(), r.note());
        }
    }

    private static AdminAction action(Actor admin, UserEventType type, StoredMail.Row row) {
        if (admin.userId() == null) {
            throw new IllegalArgumentException("an admin acts on waiting mail, never the system");
        }
        return new AdminAction(admin, type, row.messageId() + " from " + row.from() + ": " + row.outcome().db());
    }

    private HeldResult handledFirst(long id) {
        return stored.row(id).<HeldResult>map(r -> new HeldResult.AlreadyHandled(r.outcome())).orElse(notFound(id));
    }

    private static HeldResult notFound(long id) {
        return new HeldResult.Refused("there is no inbound email #" + id);
    }
}
