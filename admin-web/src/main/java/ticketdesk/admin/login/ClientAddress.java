package ticketdesk.admin.login;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The client address the login throttle counts by. Forwarding headers are trusted only when the operator names
 * one in {@code micronaut.server.client-address-header} (the service sits behind a proxy that sets it); otherwise
 * anyone could pick a fresh address per attempt. The address is stored as a fixed-length key, so no header can
 * overflow the column.
 */
@Singleton
class ClientAddress {

    static final int KEY_LENGTH = 40;

    private final String trustedHeader;

    ClientAddress(HttpServerConfiguration server) {
        String header = server.getClientAddressHeader();
        this.trustedHeader = header == null || header.isBlank() ? null : header;
    }

    /** The throttle key of the request's client: a hash of the trusted header's value, or of the socket address. */
    String keyOf(HttpRequest<?> request) {
        return key(resolve(request));
    }

    private String resolve(HttpRequest<?> request) {
        if (trustedHeader != null) {
            String forwarded = request.getHeaders().get(trustedHeader);
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.trim();
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    static String key(String address) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, KEY_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
