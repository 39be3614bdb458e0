package ticketdesk.bot.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Whether Slack signed a request: X-Slack-Signature must be {@code v0=} and the hex HMAC-SHA256 of
 * {@code v0:timestamp:body} under the signing secret, and X-Slack-Request-Timestamp within five minutes of now,
 * either way (the Slack SDK's {@code SlackSignature.Verifier} also accepts any timestamp from the future).
 * Built once per signing secret: the SDK's verifier looks up a new {@link Mac} and formats the hex with
 * {@code String.format} on every request, which a claim storm paid for on every click.
 */
final class SignatureCheck {

    private static final String HMAC = "HmacSHA256";
    private static final long MAX_AGE_SECONDS = 5 * 60;

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    SignatureCheck(String signingSecret) {
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    boolean signed(String timestamp, String body, String signature) {
        if (timestamp == null || signature == null || !recent(timestamp)) {
            return false;
        }
        Mac mac = macs.get();
        mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
        byte[] digest = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        byte[] expected = ("v0=" + HexFormat.of().formatHex(digest)).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }

    /** Within five minutes of now, either way: a timestamp from the future is no fresher than an old one. */
    private static boolean recent(String timestamp) {
        try {
            long seconds = Long.parseLong(timestamp.trim());
            return Math.abs(System.currentTimeMillis() / 1000 - seconds) <= MAX_AGE_SECONDS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no " + HMAC + " to check Slack's signatures with", e);
        }
    }
}
