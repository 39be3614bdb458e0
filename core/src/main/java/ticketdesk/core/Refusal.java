package ticketdesk.core;

/**
 * Why core refused a command. A business refusal is a value, never an exception: adapters turn
 * it into a Slack ephemeral, an email answer or an HTTP status.
 */
public record Refusal(Reason reason, String message) {

    public enum Reason {
        NOT_FOUND, INVALID_INPUT, INACTIVE_USER, WRONG_ROLE, DECLINED, ILLEGAL_TRANSITION, NOT_ALLOWED
    }

    public static Refusal notFound(String what) {
        return new Refusal(Reason.NOT_FOUND, what + " not found");
    }

    public static Refusal invalid(String message) {
        return new Refusal(Reason.INVALID_INPUT, message);
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
