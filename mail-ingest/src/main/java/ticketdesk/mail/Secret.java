package ticketdesk.mail;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ticketdesk.core.Times;

/**
 * The key that signs reply tokens and confirm links: {@code TICKETDESK_SECRET}, or else a random one
 * generated once and kept in {@code mail_settings}, so every instance of the service signs alike.
 */
@Singleton
public class Secret {

    private static final String SETTING = "signing-secret";
    /** Shorter signatures are refused outright: 16 hex characters are 64 bits an attacker must guess. */
    private static final int MIN_SIGNATURE = 16;

    private final String configured;
    private final MailSettingRepository settings;
    private final TransactionOperations<Connection> tx;
    private final Times times;
    private volatile byte[] key;

    Secret(@Nullable @Value("${ticketdesk.secret:}") String configured, MailSettingRepository settings,
           TransactionOperations<Connection> tx, Times times) {
        this.configured = configured == null || configured.isBlank() ? null : configured;
        this.settings = settings;
        this.tx = tx;
        this.times = times;
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
            synchronized (this) {
                if (key == null) {
                    key = (configured != null ? configured : stored()).getBytes(StandardCharsets.UTF_8);
                }
                k = key;
            }
        }
        return k;
    }

    private String stored() {
        return tx.executeRead(s -> settings.findValue(SETTING)).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            try {
                tx.executeWrite(s -> {
                    settings.insert(SETTING, HexFormat.of().formatHex(random), times.now());
                    return null;
                });
            } catch (DataAccessException raced) {
                // another instance stored its secret first: use that one
            }
            return tx.executeRead(s -> settings.findValue(SETTING)).orElseThrow();
        });
    }
}
