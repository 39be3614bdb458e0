package ticketdesk.mail.matching;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.ticket.TicketQueries;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;
import ticketdesk.mail.outbound.MessageIds;
import ticketdesk.mail.outbound.ReplyTokens;
import ticketdesk.mail.outbound.SentMessages;
import ticketdesk.mail.reply.ParsedMail;

/**
 * Finds the ticket an email answers: the signed reply token first (it authenticates the sender
 * without trusting {@code From:}), then In-Reply-To/References against the Message-IDs we sent, then
 * {@code [#n]} in the subject — the last two only when the {@code From:} address is that ticket's
 * requester or responder (or the person we sent that email to). The subject tag is public, so a match
 * by it alone also needs the receiving server to vouch for the From address ({@link SenderAuthentication});
 * a mail the server found forged matches nothing.
 */
@Singleton
public class ReplyMatcher {

    private static final Pattern SUBJECT_TAG = Pattern.compile("\\[#(\\d{1,18})]");

    private final ReplyTokens tokens;
    private final SentMessages sent;
    private final MessageIds ids;
    private final UserDirectory users;
    private final TicketQueries tickets;
    private final SenderAuthentication authentication;

    ReplyMatcher(ReplyTokens tokens, SentMessages sent, MessageIds ids, UserDirectory users, TicketQueries tickets,
                 SenderAuthentication authentication) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.sent = sent;
        this.ids = ids;
        this.users = users;
        this.tickets = tickets;
    }

    public Match match(ParsedMail mail) {
        return match(mail, authentication.of(mail));
    }

    /**
     * As {@link #match(ParsedMail)}, with {@code verdict} standing for the receiving server's word on the From address:
     * an admin who applies a held mail vouches for its sender.
     */
    public Match match(ParsedMail mail, SenderAuthentication.Verdict verdict) {
        if (verdict.kind() == SenderAuthentication.Verdict.Kind.FAIL) {
            return new Match.Forged(verdict.why());
        }
        Optional<ReplyTokens.Token> token = tokens.read(mail.recipients());
        if (token.isPresent()) {
            Optional<User> user = users.byId(token.get().userId());
            if (user.isEmpty()) {
                return new Match.Unverified(token.get().ticketId(), "the reply token names no user");
            }
            if (!user.get().active()) {
                return new Match.Stranger(user.get().email() == null ? mail.from() : user.get().email(), true);
            }
            return new Match.Reply(token.get().ticketId(), user.get(), "reply token");
        }
        Optional<User> sender = users.byEmail(mail.from());
        if (sender.isEmpty() || !sender.get().active()) {
            return new Match.Stranger(mail.from(), sender.isPresent());
        }
        User user = sender.get();
        Long pointedAt = null;
        for (String id : mail.answeredIds()) {
            Optional<SentMessages.Sent> ours = sent.find(id);
            OptionalLong root = ids.ticketOfRoot(id);
            Long ticketId = ours.map(SentMessages.Sent::ticketId).orElse(root.isPresent() ? root.getAsLong() : null);
            if (ticketId == null) {
                continue;
            }
            boolean sentToThem = ours.map(s -> s.recipientUserId() != null && s.recipientUserId() == user.id())
                    .orElse(false);
            if (sentToThem || isParty(ticketId, user)) {
                return new Match.Reply(ticketId, user, "In-Reply-To");
            }
            pointedAt = pointedAt == null ? ticketId : pointedAt;
        }
        Matcher tag = SUBJECT_TAG.matcher(mail.subject() == null ? "" : mail.subject());
        if (tag.find()) {
            long ticketId = Long.parseLong(tag.group(1));
            if (isParty(ticketId, user)) {
                return verdict.kind() == SenderAuthentication.Verdict.Kind.PASS
                        ? new Match.Reply(ticketId, user, "subject tag (" + verdict.why() + ")")
                        : new Match.Held(ticketId, user, "matched by its subject tag alone, and " + verdict.why());
            }
            pointedAt = pointedAt == null ? ticketId : pointedAt;
        }
        if (pointedAt != null) {
            return new Match.Unverified(pointedAt, mail.from() + " is not the requester or responder of ticket #"
                    + pointedAt + " and the email carries no valid reply token");
        }
        return new Match.NewTicket(user);
    }

    private boolean isParty(long ticketId, User user) {
        Optional<Ticket> ticket = tickets.byId(ticketId);
        return ticket.isPresent() && (ticket.get().requesterId() == user.id() || ticket.get().isHeldBy(user.id()));
    }
}
