package ticketdesk.admin.web;

import io.micronaut.http.HttpRequest;
import java.util.Locale;

/** What the panel needs to know about how a request reached it. */
public final class Requests {

    private Requests() {
    }

    /** True when the request came over HTTPS, directly or through a proxy that says so. */
    public static boolean cameOverHttps(HttpRequest<?> request) {
        if (request.isSecure()) {
            return true;
        }
        String proto = request.getHeaders().get("X-Forwarded-Proto");
        if (proto != null && proto.trim().toLowerCase(Locale.ROOT).startsWith("https")) {
            return true;
        }
        String forwarded = request.getHeaders().get("Forwarded");
        return forwarded != null && forwarded.toLowerCase(Locale.ROOT).contains("proto=https");
    }
}
