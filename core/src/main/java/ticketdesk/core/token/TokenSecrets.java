package ticketdesk.core.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shape of a token, {@code td_<key>_<secret>}: a 12-hex-digit key that finds its row and 256 random bits; and its
 * SHA-256 hash, the only form stored. A token is random, so a fast hash is enough: nobody can guess one to test.
 */
final class TokenSecrets {

    private static final Pattern SHAPE = Pattern.compile("td_([0-9a-f]{12})_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private TokenSecrets() {
    }

    static String newToken() {
        byte[] key = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(key);
        RANDOM.nextBytes(secret);
        return "td_" + HEX.formatHex(key) + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The key of a token of the right shape; empty for anything else. */
    static Optional<String> keyOf(String token) {
        if (token == null) {
            return Optional.empty();
        }
        var matcher = SHAPE.matcher(token);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static String hash(String token) {
        return HEX.formatHex(sha256(token));
    }

    /** Whether {@code token} hashes to {@code storedHash}, compared in constant time. */
    static boolean matches(String token, String storedHash) {
        return MessageDigest.isEqual(sha256(token), HEX.parseHex(storedHash));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
