package ticketdesk.mail;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ticketdesk.core.secret.InstallationSecret;

/**
 * Signs reply tokens and confirm links with the mail key derived from the installation's secret
 * ({@code TICKETDESK_SECRET}, or one generated once and shared by every instance).
 */
@Singleton
public class Secret {

    /** Shorter signatures are refused outright: 16 hex characters are 64 bits an attacker must guess. */
    private static final int MIN_SIGNATURE = 16;

    private final InstallationSecret installation;
    private volatile byte[] key;

    Secret(InstallationSecret installation) {
        this.installation = installation;
    }

    /** HMAC-SHA256 of {@code purpose} and {@code data}, as lower-case hex cut to {@code hexChars}. */
    public String sign(String purpose, String data, int hexChars) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] digest = mac.doFinal((purpose + "\n" + data).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, hexChars);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code signature} is {@link #sign}'s answer, compared in constant time. */
    public boolean verify(String purpose, String data, String signature) {
        if (signature == null || signature.length() < MIN_SIGNATURE || signature.length() > 64) {
            return false;
        }
        String expected = sign(purpose, data, signature.length());
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = installation.keyFor("mail-signing");
            key = k;
        }
        return k;
    }
}
