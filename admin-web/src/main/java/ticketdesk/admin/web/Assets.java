package ticketdesk.admin.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The panel's stylesheet and its one script, served by the app itself so the CSP can say {@code style-src 'self'}
 * and {@code script-src 'self'}: no page carries inline script or style.
 */
@Controller("/admin/assets")
class Assets {

    private final byte[] stylesheet = read("/admin-assets/admin.css");
    private final byte[] localTime = read("/admin-assets/local-time.js");

    @Get("/admin.css")
    HttpResponse<byte[]> stylesheet() {
        return HttpResponse.ok(stylesheet).contentType("text/css;charset=utf-8")
                .header("Cache-Control", "public, max-age=3600");
    }

    /** Shows times in the admin's own time zone (see {@code views/layout.html}'s time fragment). */
    @Get("/local-time.js")
    HttpResponse<byte[]> localTime() {
        return HttpResponse.ok(localTime).contentType("text/javascript;charset=utf-8")
                .header("Cache-Control", "public, max-age=3600");
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
