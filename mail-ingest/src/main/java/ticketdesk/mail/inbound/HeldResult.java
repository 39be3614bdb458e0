package ticketdesk.mail.inbound;

/** What came of an admin's action on a mail that waited for them. */
public sealed interface HeldResult {

    /** Done: the outcome the pipeline recorded this time (or DISMISSED), with its ticket and note. */
    record Done(Outcome outcome, Long ticketId, String note) implements HeldResult {
    }

    /** Someone else (another admin, a redelivery) handled the mail first; {@code now} is its outcome. */
    record AlreadyHandled(Outcome now) implements HeldResult {
    }

    /** The receiving server found the sender forged: applying it needs the admin's explicit confirmation. */
    record NeedsConfirmation(String why) implements HeldResult {
    }

    /** The sender is no active user: the admin creates (or reactivates) them first. */
    record SenderUnknown(String address, boolean deactivated) implements HeldResult {
    }

    /** It cannot be done: no such mail or ticket, or only the start of the mail was kept. */
    record Refused(String why) implements HeldResult {
    }
}
