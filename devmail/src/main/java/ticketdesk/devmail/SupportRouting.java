package ticketdesk.devmail;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import java.util.Locale;

/**
 * Where a recipient's copy goes: the support address and its plus-addresses ({@code support+t42-u7-…@}, the
 * reply tokens of ticketdesk's notifications) to the support mailbox, as a real provider's subaddressing does;
 * every other recipient to the catch-all, so nothing is relayed and no mailbox is made per stranger.
 */
final class SupportRouting implements MessageDeliveryHandler {

    private final String local;
    private final String domain;
    private final GreenMailUser support;
    private final GreenMailUser catchAll;

    SupportRouting(DevMailSettings settings, GreenMailUser support, GreenMailUser catchAll) {
        this.local = settings.supportLocalPart();
        this.domain = settings.supportDomain();
        this.support = support;
        this.catchAll = catchAll;
    }

    @Override
    public GreenMailUser handle(MovingMessage message, MailAddress recipient) {
        return isSupport(recipient.getEmail()) ? support : catchAll;
    }

    boolean isSupport(String address) {
        String a = address.strip().toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        if (at < 0 || !a.substring(at + 1).equals(domain)) {
            return false;
        }
        String user = a.substring(0, at);
        return user.equals(local) || user.startsWith(local + "+");
    }
}
