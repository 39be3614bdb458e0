package ticketdesk.core.user;

/**
 * Where sign-ins are throttled (the admin panel's login): what a password reset lifts. Called inside the reset's
 * transaction, so the new password and the lifted lock-out come together or not at all.
 */
public interface SignInLockouts {

    /** Forgets the failed sign-ins counted against this account; those counted against client addresses stay. */
    void lift(String email);
}
