package ticketdesk.admin.tickets;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ticketdesk.admin.web.AdminSession;
import ticketdesk.core.secret.InstallationSecret;

/**
 * Carries a {@link Flash} across the redirect after a form's post, in a cookie read once by the ticket's page.
 * It is signed, so no one but the panel can make the page say something.
 */
@Singleton
class FlashCookie {

    static final String NAME = "TD_FLASH";
    private static final int MAX_MESSAGE = 1000;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final InstallationSecret secret;
    private volatile SecretKeySpec key;

    FlashCookie(InstallationSecret secret) {
        this.secret = secret;
    }

    Cookie of(Flash flash, HttpRequest<?> request) {
        String message = flash.message().length() > MAX_MESSAGE
                ? flash.message().substring(0, MAX_MESSAGE) + "…" : flash.message();
        String payload = flash.ticketId() + "\n" + (flash.refused() ? "refused" : "done") + "\n" + message;
        String value = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + sign(payload);
        return AdminSession.cookieFor(NAME, value, request);
    }

    static Cookie cleared(HttpRequest<?> request) {
        return AdminSession.cookieFor(NAME, "", request).maxAge(0);
    }

    /** The flash in the cookie when it is the panel's own and meant for this ticket's page. */
    Optional<Flash> read(String value, long ticketId) {
        if (value == null || value.indexOf('.') < 0) {
            return Optional.empty();
        }
        String payload;
        try {
            payload = new String(Base64.getUrlDecoder().decode(value.substring(0, value.indexOf('.'))),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String[] parts = payload.split("\n", 3);
        boolean genuine = MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.UTF_8),
                value.substring(value.indexOf('.') + 1).getBytes(StandardCharsets.UTF_8));
        if (!genuine || parts.length != 3 || !parts[0].equals(Long.toString(ticketId))) {
            return Optional.empty();
        }
        return Optional.of(new Flash(ticketId, parts[1].equals("refused"), parts[2]));
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return ENCODER.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            k = new SecretKeySpec(secret.keyFor("admin-flash"), "HmacSHA256");
            key = k;
        }
        return k;
    }
}
