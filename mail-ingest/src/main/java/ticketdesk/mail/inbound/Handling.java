package ticketdesk.mail.inbound;

import io.micronaut.core.annotation.Nullable;
import java.util.function.Function;
import ticketdesk.mail.matching.Match;
import ticketdesk.mail.reply.ParsedMail;

/**
 * How the pipeline handles a mail it claimed. Mail as it arrives ({@link #arrived}) is matched by the
 * {@link ticketdesk.mail.matching.ReplyMatcher}, and a sender whose mail went nowhere is answered. A mail an admin
 * applies again is matched as the admin decided, answers no one (the admin reads the outcome on the page), and
 * carries the admin's {@code action}, recorded with its outcome.
 */
record Handling(String via, Function<ParsedMail, Match> matching, @Nullable AdminAction action) {

    static Handling arrived(String via, Function<ParsedMail, Match> matching) {
        return new Handling(via, matching, null);
    }

    boolean answersSender() {
        return action == null;
    }
}
