package ticketdesk.bot.slack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What identifies one signed Slack request: its timestamp (epoch seconds), from which its signature stays
 * valid, and the SHA-256 of the timestamp and the signature (which covers the timestamp and the body).
 */
record RequestKey(long signedAt, byte[] hash) {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(RequestKey::sha256);

    static RequestKey of(String timestamp, String signature) {
        byte[] hash = SHA256.get().digest((timestamp.strip() + ":" + signature).getBytes(StandardCharsets.UTF_8));
        return new RequestKey(Long.parseLong(timestamp.strip()), hash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 to key Slack requests with", e);
        }
    }
}
