package ticketdesk.core;

/**
 * Why core refused a command. A business refusal is a value, never an exception: adapters turn
 * it into a Slack ephemeral, an email answer or an HTTP status. {@code field} names the input at fault
 * when one is (an invalid title), so a form or an API client can point at it; null otherwise.
 */
public record Refusal(Reason reason, String message, String field) {

    public enum Reason {
        NOT_FOUND, INVALID_INPUT, INACTIVE_USER, WRONG_ROLE, DECLINED, ILLEGAL_TRANSITION, NOT_ALLOWED
    }

    public Refusal(Reason reason, String message) {
        this(reason, message, null);
    }

    public static Refusal notFound(String what) {
        return new Refusal(Reason.NOT_FOUND, what + " not found");
    }

    public static Refusal invalid(String message) {
        return new Refusal(Reason.INVALID_INPUT, message);
    }

    /** Invalid input in the field named {@code field}. */
    public static Refusal invalid(String field, String message) {
        return new Refusal(Reason.INVALID_INPUT, message, field);
    }

    public static Refusal inactive() {
        return new Refusal(Reason.INACTIVE_USER, "your account is deactivated; ask an admin to reactivate it");
    }

    public static Refusal wrongRole(String message) {
        return new Refusal(Reason.WRONG_ROLE, message);
    }

    public static Refusal illegal(String message) {
        return new Refusal(Reason.ILLEGAL_TRANSITION, message);
    }

    public static Refusal notAllowed(String message) {
        return new Refusal(Reason.NOT_ALLOWED, message);
    }
}
