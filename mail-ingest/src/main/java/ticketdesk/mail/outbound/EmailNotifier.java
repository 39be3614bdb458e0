package ticketdesk.mail.outbound;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Optional;
import ticketdesk.core.Channel;
import ticketdesk.core.outbox.Notification;
import ticketdesk.core.outbox.Notifier;

/**
 * The outbox's email channel, present only when SMTP is configured. The Message-ID is remembered
 * before sending, so a reply can be matched even if the bookkeeping after the send is lost; a retry
 * sends the same Message-ID again, which mail clients treat as the same email.
 */
@Singleton
@Requires(property = "mail.smtp.host", pattern = ".*\\S.*")
class EmailNotifier implements Notifier {

    private final MailComposer composer;
    private final SmtpSender smtp;
    private final SentMessages sent;

    EmailNotifier(MailComposer composer, SmtpSender smtp, SentMessages sent) {
        this.composer = composer;
        this.smtp = smtp;
        this.sent = sent;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void deliver(Notification notification) throws Exception {
        Optional<OutgoingMail> mail = composer.compose(notification);
        if (mail.isEmpty()) {
            return;
        }
        sent.remember(mail.get().messageId(), notification.ticketId(), notification.recipientUserId(),
                notification.id(), notification.kind().db());
        smtp.send(mail.get());
    }
}
