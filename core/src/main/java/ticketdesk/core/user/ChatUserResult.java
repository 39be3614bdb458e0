package ticketdesk.core.user;

import ticketdesk.core.Refusal;

/** Who a {@link ChatPerson} is in ticketdesk. */
public sealed interface ChatUserResult {

    /** Their identity was linked already. */
    record Known(User user) implements ChatUserResult {
    }

    /** Their identity is not linked yet; {@link RecognisingChatUser#firstUse} sets them up. */
    record Unknown() implements ChatUserResult {
    }

    /** First use: linked to the existing employee account with their email. */
    record Linked(User user) implements ChatUserResult {
    }

    /** First use: a new employee account. */
    record Created(User user) implements ChatUserResult {
    }

    record Refused(Refusal refusal) implements ChatUserResult {
    }
}
