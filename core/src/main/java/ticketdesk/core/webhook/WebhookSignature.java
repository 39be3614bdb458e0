package ticketdesk.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a delivery is signed, as Slack signs its requests: {@code X-Ticketdesk-Signature: v1=} and the hex
 * HMAC-SHA256, keyed with the endpoint's secret, of {@code v1:{timestamp}:{body}}, where the timestamp (Unix
 * seconds) is sent as {@code X-Ticketdesk-Timestamp}.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Ticketdesk-Signature";
    public static final String TIMESTAMP_HEADER = "X-Ticketdesk-Timestamp";

    private WebhookSignature() {
    }

    /** The header's value, {@code v1=<hex>}. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v1:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
