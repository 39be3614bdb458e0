package ticketdesk.admin.web;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Base64;
import ticketdesk.core.secret.InstallationSecret;

/**
 * Signs and verifies the panel's session tokens (HS256) with the session key derived from the
 * installation's secret, so sessions survive restarts and span instances without configuration.
 */
@Factory
class SigningKey {

    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration sessionSignature(InstallationSecret secret) {
        SecretSignatureConfiguration config = new SecretSignatureConfiguration("generator");
        config.setJwsAlgorithm(JWSAlgorithm.HS256);
        config.setSecret(Base64.getEncoder().encodeToString(secret.keyFor("admin-session")));
        return new SecretSignature(config);
    }
}
