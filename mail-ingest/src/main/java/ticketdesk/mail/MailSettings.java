package ticketdesk.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code mail.*}: the support address and the limits of the inbound pipeline. The SMTP and IMAP
 * connections have their own settings ({@link SmtpSettings}, {@link ImapSettings}).
 */
@ConfigurationProperties("mail")
public class MailSettings {

    private String from = "ticketdesk@localhost";
    @Nullable
    private String inboundToken;
    private long maxAttachmentSize = 10L * 1024 * 1024;
    private long maxStoredRawSize = 10L * 1024 * 1024;
    private Duration autoAnswerInterval = Duration.ofHours(24);
    private long inboundMaxSize = 30L * 1024 * 1024;
    @Nullable
    private String authservId;

    /** The support address (MAIL_FROM); reply tokens are plus-addresses of it. */
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from.trim(); }

    /** The bearer token of {@code POST /mail/inbound}; without one the endpoint answers 503. */
    @Nullable
    public String getInboundToken() { return inboundToken; }
    public void setInboundToken(@Nullable String inboundToken) {
        this.inboundToken = inboundToken == null || inboundToken.isBlank() ? null : inboundToken.trim();
    }

    /** Attachments larger than this are recorded as skipped; the message is still applied. */
    public long getMaxAttachmentSize() { return maxAttachmentSize; }
    public void setMaxAttachmentSize(@ReadableBytes long maxAttachmentSize) { this.maxAttachmentSize = maxAttachmentSize; }

    /** How much of a raw message {@code inbound_emails} keeps (a MySQL packet is 16 MB by default). */
    public long getMaxStoredRawSize() { return maxStoredRawSize; }
    public void setMaxStoredRawSize(@ReadableBytes long maxStoredRawSize) { this.maxStoredRawSize = maxStoredRawSize; }

    /** An unknown or deactivated address gets at most one polite answer per this interval. */
    public Duration getAutoAnswerInterval() { return autoAnswerInterval; }
    public void setAutoAnswerInterval(Duration autoAnswerInterval) { this.autoAnswerInterval = autoAnswerInterval; }

    /** The largest raw message taken (MAIL_INBOUND_MAX_SIZE): {@code POST /mail/inbound} answers 413 above it. */
    public long getInboundMaxSize() { return inboundMaxSize; }
    public void setInboundMaxSize(@ReadableBytes long inboundMaxSize) { this.inboundMaxSize = inboundMaxSize; }

    /**
     * The authserv-id of the receiving mail server (MAIL_AUTHSERV_ID) whose {@code Authentication-Results} are
     * trusted; without one, no such header is, and a reply matched by its subject tag alone is held.
     */
    @Nullable
    public String getAuthservId() { return authservId; }
    public void setAuthservId(@Nullable String authservId) {
        this.authservId = authservId == null || authservId.isBlank() ? null : authservId.trim();
    }

    public String fromLocalPart() {
        int at = from.lastIndexOf('@');
        return (at < 0 ? from : from.substring(0, at)).toLowerCase(Locale.ROOT);
    }

    public String fromDomain() {
        int at = from.lastIndexOf('@');
        return at < 0 ? "localhost" : from.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
