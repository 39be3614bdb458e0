package ticketdesk.admin.mail;

import ticketdesk.mail.inbound.Outcome;

/** How the Unmatched mail page names why a mail waits, and what came of it. */
final class MailWords {

    private MailWords() {
    }

    static String of(Outcome outcome) {
        return switch (outcome) {
            case UNKNOWN_SENDER -> "unknown sender";
            case INACTIVE_SENDER -> "deactivated sender";
            case UNVERIFIED -> "no ticket matched";
            case UNMATCHED -> "held: named its ticket by the subject tag alone";
            case REFUSED -> "refused";
            case FAILED -> "failed";
            case OPENED_TICKET -> "opened a ticket";
            case APPLIED -> "added to its ticket";
            case REOPENED -> "added to its ticket, which it reopened";
            default -> outcome.db().replace('_', ' ');
        };
    }
}
