package ticketdesk.core.secret;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ticketdesk.core.Times;

/**
 * The installation's master secret: {@code TICKETDESK_SECRET}, or else a random one generated once and
 * kept in {@code settings}, so every instance agrees without configuration. Each use gets its own key
 * derived from it ({@link #keyFor}), so a key leaked from one use (email reply tokens) signs nothing
 * of another (admin sessions).
 */
@Singleton
public class InstallationSecret {

    private static final String SETTING = "master-secret";

    private final String configured;
    private final SettingRepository settings;
    private final TransactionOperations<Connection> tx;
    private final Times times;
    private volatile byte[] master;

    InstallationSecret(@Nullable @Value("${ticketdesk.secret:}") String configured, SettingRepository settings,
                       TransactionOperations<Connection> tx, Times times) {
        this.configured = configured == null || configured.isBlank() ? null : configured;
        this.settings = settings;
        this.tx = tx;
        this.times = times;
    }

    /** A 256-bit key for one purpose ("mail-signing", "admin-session"): HMAC-SHA256(master, purpose). */
    public byte[] keyFor(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master(), "HmacSHA256"));
            return mac.doFinal(("ticketdesk/" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] master() {
        byte[] m = master;
        if (m == null) {
            synchronized (this) {
                if (master == null) {
                    master = (configured != null ? configured : stored()).getBytes(StandardCharsets.UTF_8);
                }
                m = master;
            }
        }
        return m;
    }

    private String stored() {
        return tx.executeWrite(s -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            // the first instance to insert wins; everyone then reads the same value
            settings.insertIfAbsent(SETTING, HexFormat.of().formatHex(random), times.now());
            return settings.findValue(SETTING).orElseThrow();
        });
    }
}
