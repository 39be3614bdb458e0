package ticketdesk.admin.web;

import io.micronaut.security.authentication.Authentication;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Synchronizer tokens: one random token per session, echoed by every state-changing form as {@code _csrf}. */
public final class Csrf {

    public static final String FIELD = "_csrf";
    /** Before login there is no session yet: the login form's token is paired with this cookie instead. */
    public static final String LOGIN_COOKIE = "TD_LOGIN_CSRF";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String tokenOf(Authentication authentication) {
        Object token = authentication == null ? null : authentication.getAttributes().get(AdminSession.CSRF_CLAIM);
        return token == null ? null : token.toString();
    }

    static boolean matches(String expected, String given) {
        if (expected == null || expected.isEmpty() || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
