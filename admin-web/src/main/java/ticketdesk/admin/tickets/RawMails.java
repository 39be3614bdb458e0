package ticketdesk.admin.tickets;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The raw emails behind a ticket, as {@code inbound_emails} keeps them, for the ticket page to show beside
 * the text that was extracted from each: an admin sees where the cut was made and can report a wrong one.
 * Only the start of a large mail is read; the page says how much more there is.
 */
@Singleton
class RawMails {

    /** Enough for the text parts of any reply; attachments beyond it are not worth a page of base64. */
    static final int MAX_SHOWN = 100_000;
    static final String OPENED_TICKET = "opened_ticket";

    /** A raw mail: its start as text (invalid UTF-8 shown as U+FFFD), its whole size and its outcome. */
    record RawMail(String text, long size, String outcome) {

        /** "(347 bytes)", or "(first 100 kB of 2400 kB)" when only the start is shown. */
        String sizeNote() {
            String whole = size < 10_000 ? size + " bytes" : String.format(Locale.ROOT, "%.0f kB", size / 1000.0);
            return size > MAX_SHOWN ? "(first " + MAX_SHOWN / 1000 + " kB of " + whole + ")" : "(" + whole + ")";
        }
    }

    private final JdbcOperations jdbc;

    RawMails(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The ticket's inbound mails by their key ({@code messages.external_id} of the email messages). */
    @ReadOnly
    Map<String, RawMail> ofTicket(long ticketId) {
        return jdbc.prepareStatement("SELECT message_id, outcome, OCTET_LENGTH(raw_message),"
                + " SUBSTRING(raw_message, 1, ?) FROM inbound_emails WHERE ticket_id = ? AND raw_message IS NOT NULL"
                + " ORDER BY id", ps -> {
                    ps.setInt(1, MAX_SHOWN);
                    ps.setLong(2, ticketId);
                    Map<String, RawMail> mails = new HashMap<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            byte[] start = rs.getBytes(4);
                            mails.put(rs.getString(1), new RawMail(new String(start, StandardCharsets.UTF_8),
                                    rs.getLong(3), rs.getString(2)));
                        }
                    }
                    return mails;
                });
    }
}
