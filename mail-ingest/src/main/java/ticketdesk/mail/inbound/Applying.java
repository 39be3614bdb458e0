package ticketdesk.mail.inbound;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.regex.Pattern;
import ticketdesk.core.Channel;
import ticketdesk.core.message.PostMessage;
import ticketdesk.core.message.PostResult;
import ticketdesk.core.message.PostingMessage;
import ticketdesk.core.text.CleanText;
import ticketdesk.core.ticket.Commands.OpenTicket;
import ticketdesk.core.ticket.OpenResult;
import ticketdesk.core.ticket.OpeningTicket;
import ticketdesk.core.ticket.Source;
import ticketdesk.mail.matching.Match;
import ticketdesk.mail.reply.ParsedMail;

/** Turns a matched email into core commands (post a message, open a ticket) and core's answer into an outcome. */
@Singleton
class Applying {

    private static final Pattern REPLY_PREFIX = Pattern.compile("^\\s*((re|fwd?|aw|wg|tr|sv|antw)\\s*:\\s*)+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("\\[#\\d+]");

    private final PostingMessage posting;
    private final OpeningTicket opening;
    private final InboundRecords records;
    private final TransactionOperations<Connection> tx;

    Applying(PostingMessage posting, OpeningTicket opening, InboundRecords records,
             TransactionOperations<Connection> tx) {
        this.posting = posting;
        this.opening = opening;
        this.records = records;
        this.tx = tx;
    }

    record Result(Outcome outcome, Long ticketId, String text, String note) {

        Result withNote(String other) {
            return new Result(outcome, ticketId, text, other);
        }
    }

    Result reply(Match.Reply reply, ParsedMail mail, String text, String key) {
        if (text.isBlank() && mail.attachments().isEmpty()) {
            return new Result(Outcome.EMPTY, reply.ticketId(), text, "no new text once quotes and signature are gone");
        }
        String body = CleanText.cut(text, PostingMessage.MAX_BODY);
        PostResult result = posting.post(new PostMessage(reply.ticketId(), reply.sender().id(), body, Channel.EMAIL,
                key, mail.attachments()));
        String how = "matched by " + reply.how() + (body.length() < text.length() ? "; text cut to "
                + PostingMessage.MAX_BODY + " characters" : "");
        if (result instanceof PostResult.Posted posted) {
            return new Result(posted.reopened() ? Outcome.REOPENED : Outcome.APPLIED, reply.ticketId(), text, how);
        }
        if (result instanceof PostResult.Duplicate) {
            return new Result(Outcome.DUPLICATE, reply.ticketId(), text, "core already holds this message");
        }
        return new Result(Outcome.REFUSED, reply.ticketId(), text, ((PostResult.Refused) result).refusal().message());
    }

    /**
     * Opens the ticket, keeps its attachments and notes the ticket on the inbound record in one transaction:
     * a failure leaves no ticket behind, and a retry finds the ticket an earlier attempt opened.
     */
    Result open(Match.NewTicket match, ParsedMail mail, String text, String key) {
        String title = title(mail.subject(), text);
        if (title.isEmpty()) {
            return new Result(Outcome.EMPTY, null, text, "neither a subject nor any text to open a ticket with");
        }
        return tx.executeWrite(status -> openWithFiles(match, mail, text, key, title));
    }

    private Result openWithFiles(Match.NewTicket match, ParsedMail mail, String text, String key, String title) {
        String description = CleanText.cut(text, OpeningTicket.MAX_DESCRIPTION);
        OpenResult opened = opening.open(new OpenTicket(match.sender().id(), title, description, null, null,
                Source.EMAIL));
        if (opened instanceof OpenResult.Refused refused) {
            return new Result(Outcome.REFUSED, null, text, refused.refusal().message());
        }
        long ticketId = ((OpenResult.Opened) opened).ticket().id();
        records.linkTicket(key, ticketId);
        String note = description.length() < text.length() ? "description cut to " + OpeningTicket.MAX_DESCRIPTION
                + " characters" : null;
        if (!mail.attachments().isEmpty()) {
            PostResult files = posting.post(new PostMessage(ticketId, match.sender().id(), "", Channel.EMAIL,
                    key, mail.attachments()));
            if (files instanceof PostResult.Refused r) {
                note = (note == null ? "" : note + "; ") + "attachments not kept: " + r.refusal().message();
            }
        }
        return new Result(Outcome.OPENED_TICKET, ticketId, text, note);
    }

    static String title(String subject, String text) {
        String title = subject == null ? "" : TAG.matcher(REPLY_PREFIX.matcher(subject).replaceFirst("")).replaceAll("")
                .strip();
        if (title.isEmpty()) {
            title = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        }
        if (title.length() > OpeningTicket.MAX_TITLE) {
            title = CleanText.cut(title, OpeningTicket.MAX_TITLE - 1).strip() + "…";
        }
        return title;
    }
}
