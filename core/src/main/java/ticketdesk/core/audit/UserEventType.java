package ticketdesk.core.audit;

import java.util.Locale;

/**
 * What happened to a user account. Stored lower-case in {@code user_events.event_type}. The account changes,
 * sign-ins and mail actions are the admin audit: the panel's "Admin actions".
 */
public enum UserEventType {
    /** A chat identity (field: the platform, new value: the external id) now stands for the user. */
    IDENTITY_LINKED,
    /** A chat identity (old value) no longer stands for the user. */
    IDENTITY_UNLINKED,
    /** A first-time chat identity (new value) claimed the user's email and was not linked to the account. */
    IDENTITY_LINK_REFUSED,

    /** The account was created (new value: name, email and role). */
    USER_CREATED,
    /** One field of the account changed (field, old value, new value). */
    USER_CHANGED,
    /** The role changed (old and new role). */
    ROLE_CHANGED,
    /** A new password was set; neither password is recorded. */
    PASSWORD_CHANGED,
    DEACTIVATED,
    REACTIVATED,
    /** The user signed in to the panel, from {@code address}. */
    SIGNED_IN,
    /** Someone failed to sign in to the panel as this user, from {@code address}; the actor is unknown. */
    SIGN_IN_FAILED,
    /**
     * An admin (the user and the actor) had an email that could not be applied applied again (old value: the
     * mail and why it waited; new value: what came of it). The email's row names the admin too.
     */
    MAIL_APPLIED,
    /** As {@link #MAIL_APPLIED}, as a reply of its sender to a ticket the admin chose. */
    MAIL_ATTACHED,
    /** As {@link #MAIL_APPLIED}: the admin let the email go without applying it. */
    MAIL_DISMISSED;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UserEventType fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
