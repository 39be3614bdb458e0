package ticketdesk.admin.tickets;

import ticketdesk.core.Refusal;

/** What a ticket's page says once after an action: a confirmation, or core's reason for refusing it. */
record Flash(long ticketId, boolean refused, String message) {

    static Flash done(long ticketId, String message) {
        return new Flash(ticketId, false, message);
    }

    static Flash refused(long ticketId, Refusal refusal) {
        return refused(ticketId, refusal.message());
    }

    /** Core words its reasons to fit in a sentence ("ticket #42 is not claimed"); the page shows them as one. */
    static Flash refused(long ticketId, String reason) {
        String sentence = reason.isEmpty() ? reason : Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
        return new Flash(ticketId, true, sentence.endsWith(".") ? sentence : sentence + ".");
    }
}
