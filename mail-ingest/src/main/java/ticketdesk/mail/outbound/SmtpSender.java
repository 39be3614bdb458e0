package ticketdesk.mail.outbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Properties;
import ticketdesk.mail.MailSettings;
import ticketdesk.mail.SmtpSettings;

/** Sends an {@link OutgoingMail} over SMTP (MAIL_SMTP_HOST/PORT/USER/PASSWORD) as text and HTML alternatives. */
@Singleton
class SmtpSender {

    private final SmtpSettings smtp;
    private final MailSettings mail;
    private final Session session;
    private final Counter errors;

    SmtpSender(SmtpSettings smtp, MailSettings mail, MeterRegistry metrics) {
        this.smtp = smtp;
        this.mail = mail;
        this.session = Session.getInstance(properties(smtp, mail));
        this.errors = Counter.builder("ticketdesk.smtp.errors").description("Emails the SMTP server did not take")
                .register(metrics);
    }

    void send(OutgoingMail out) throws MessagingException {
        try {
            transmit(build(out));
        } catch (MessagingException | RuntimeException failed) {
            errors.increment();
            throw failed;
        }
    }

    private void transmit(MimeMessage message) throws MessagingException {
        if (smtp.getUser() != null) {
            Transport.send(message, smtp.getUser(), smtp.getPassword() == null ? "" : smtp.getPassword());
        } else {
            Transport.send(message);
        }
    }

    MimeMessage build(OutgoingMail out) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, out.messageId());
        try {
            message.setFrom(new InternetAddress(mail.getFrom(), "ticketdesk", "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            message.setFrom(new InternetAddress(mail.getFrom()));
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(out.to()));
        if (out.replyTo() != null) {
            message.setReplyTo(new InternetAddress[] {new InternetAddress(out.replyTo())});
        }
        message.setSubject(out.subject(), "UTF-8");
        message.setSentDate(new Date());
        if (out.inReplyTo() != null) {
            message.setHeader("In-Reply-To", out.inReplyTo());
        }
        if (!out.references().isEmpty()) {
            message.setHeader("References", String.join(" ", out.references()));
        }
        message.setHeader("Auto-Submitted", out.autoSubmitted());
        message.setHeader("X-Auto-Response-Suppress", "All");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(out.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(out.html(), "UTF-8", "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.saveChanges();
        return message;
    }

    private static Properties properties(SmtpSettings smtp, MailSettings mail) {
        Properties p = new Properties();
        String protocol = smtp.isSsl() ? "smtps" : "smtp";
        p.setProperty("mail.transport.protocol", protocol);
        p.setProperty("mail." + protocol + ".host", smtp.getHost() == null ? "localhost" : smtp.getHost());
        p.setProperty("mail." + protocol + ".port", Integer.toString(smtp.getPort()));
        p.setProperty("mail." + protocol + ".from", mail.getFrom());
        p.setProperty("mail." + protocol + ".auth", Boolean.toString(smtp.getUser() != null));
        p.setProperty("mail." + protocol + ".starttls.enable", Boolean.toString(smtp.isStarttls()));
        p.setProperty("mail." + protocol + ".starttls.required", Boolean.toString(smtp.isStarttls()));
        String timeout = Long.toString(smtp.getTimeout().toMillis());
        p.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        p.setProperty("mail." + protocol + ".timeout", timeout);
        p.setProperty("mail." + protocol + ".writetimeout", timeout);
        p.setProperty("mail.mime.charset", "UTF-8");
        return p;
    }

    /** Keeps the Message-ID we derived from the notification instead of one Jakarta Mail would make up. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
