package ticketdesk.admin.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The client's address, for the audit and the login throttle. Forwarding headers are trusted only when the operator
 * names one in {@code micronaut.server.client-address-header} (the service sits behind a proxy that sets it);
 * otherwise anyone could pick a fresh address per attempt. The throttle counts by a fixed-length key of it, so no
 * header can overflow its column; the audit keeps the address as written, cut to {@value #MAX_SHOWN} characters.
 */
@Singleton
public class ClientAddress {

    static final int KEY_LENGTH = 40;
    static final int MAX_SHOWN = 64;

    private final String trustedHeader;

    ClientAddress(HttpServerConfiguration server) {
        String header = server.getClientAddressHeader();
        this.trustedHeader = header == null || header.isBlank() ? null : header;
    }

    /** The throttle key of the request's client: a hash of the trusted header's value, or of the socket address. */
    public String keyOf(HttpRequest<?> request) {
        return key(resolve(request));
    }

    /** The request's client address as the audit shows it. */
    public String of(HttpRequest<?> request) {
        String address = resolve(request);
        return address.length() <= MAX_SHOWN ? address : address.substring(0, MAX_SHOWN);
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
