package ticketdesk.admin.web;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs and verifies the panel's session tokens (HS256) with a key derived from {@code TICKETDESK_SECRET};
 * without it a random key per start, so sessions neither survive a restart nor span instances.
 */
@Factory
class SigningKey {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKey.class);

    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration sessionSignature(@Value("${ticketdesk.secret:}") String secret) {
        SecretSignatureConfiguration config = new SecretSignatureConfiguration("generator");
        config.setJwsAlgorithm(JWSAlgorithm.HS256);
        config.setSecret(derive(secret));
        return new SecretSignature(config);
    }

    private static String derive(String secret) {
        if (secret == null || secret.isBlank()) {
            LOG.warn("TICKETDESK_SECRET is not set: admin sessions are signed with a random key of this start;"
                    + " they will not survive a restart or span several instances");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return Base64.getEncoder().encodeToString(random);
        }
        try {
            // any length of secret becomes the 256-bit key HS256 needs
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
