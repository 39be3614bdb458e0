package ticketdesk.bot.slack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies one signed Slack request: the SHA-256 of its timestamp and signature (the signature covers
 * the timestamp and the body), and the timestamp, in epoch seconds, from which its signature stays valid.
 */
record RequestKey(String hash, long signedAt) {

    static RequestKey of(String timestamp, String signature) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((timestamp.strip() + ":" + signature).getBytes(StandardCharsets.UTF_8));
            return new RequestKey(HexFormat.of().formatHex(digest), Long.parseLong(timestamp.strip()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 to key Slack requests with", e);
        }
    }
}
