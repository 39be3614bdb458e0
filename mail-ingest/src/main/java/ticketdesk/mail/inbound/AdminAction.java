package ticketdesk.mail.inbound;

import ticketdesk.core.audit.Actor;
import ticketdesk.core.audit.UserEventType;

/**
 * An admin's action on a mail that waited: who ({@code actor}, with the panel's channel and their address), what
 * ({@code type}: applied, attached or dismissed) and the mail as they saw it ({@code before}), for its row and the
 * admin's history.
 */
record AdminAction(Actor actor, UserEventType type, String before) {

    /** The word {@code inbound_emails.handled_as} keeps: applied, attached or dismissed. */
    String handledAs() {
        return type.db().substring("mail_".length());
    }
}
