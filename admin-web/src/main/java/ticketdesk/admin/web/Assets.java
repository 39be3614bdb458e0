package ticketdesk.admin.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The panel's one stylesheet, served by the app itself so the CSP can say {@code style-src 'self'}. */
@Controller("/admin/assets")
class Assets {

    private final byte[] stylesheet;

    Assets() {
        try (InputStream in = Assets.class.getResourceAsStream("/admin-assets/admin.css")) {
            this.stylesheet = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/admin.css")
    HttpResponse<byte[]> stylesheet() {
        return HttpResponse.ok(stylesheet).contentType("text/css;charset=utf-8")
                .header("Cache-Control", "public, max-age=3600");
    }
}
