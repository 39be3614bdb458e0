package ticketdesk.admin.api;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.types.files.StreamedFile;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Set;

/**
 * The API's description for anyone to read: {@code /api/openapi.yml}, the OpenAPI document micronaut-openapi wrote at
 * build time, and {@code /api/docs}, a page where Swagger UI (served from this jar, no CDN) renders it.
 */
@Controller("/api")
@Hidden
class ApiDocs {

    static final String DOCUMENT = "classpath:META-INF/swagger/ticketdesk.yml";
    /** The webjar's folder: its version is the one admin-web's pom names (swagger-ui.version). */
    static final String SWAGGER_UI = "classpath:META-INF/resources/webjars/swagger-ui/5.35.0/";
    private static final Set<String> ASSETS = Set.of("swagger-ui.css", "swagger-ui-bundle.js",
            "swagger-ui-standalone-preset.js", "favicon-32x32.png");

    private final ResourceResolver resources;

    ApiDocs(ResourceResolver resources) {
        this.resources = resources;
    }

    @Get(value = "/openapi.yml", produces = "application/yaml")
    HttpResponse<StreamedFile> document() {
        return resources.getResource(DOCUMENT)
                .map(url -> HttpResponse.ok(new StreamedFile(url)).contentType("application/yaml"))
                .orElseGet(HttpResponse::notFound);
    }

    @Get(value = "/docs", produces = MediaType.TEXT_HTML)
    String page() {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>ticketdesk API</title>
                  <link rel="stylesheet" href="/api/docs/swagger-ui.css">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="/api/docs/swagger-ui-bundle.js"></script>
                  <script src="/api/docs/swagger-ui-standalone-preset.js"></script>
                  <script src="/api/docs/docs.js"></script>
                </body>
                </html>
                """;
    }

    @Get(value = "/docs/docs.js", produces = "text/javascript")
    String start() {
        return "window.onload = function () {\n"
                + "  window.ui = SwaggerUIBundle({url: '/api/openapi.yml', dom_id: '#swagger-ui',\n"
                + "    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout'});\n"
                + "};\n";
    }

    @Get("/docs/{asset}")
    HttpResponse<StreamedFile> asset(@PathVariable String asset) {
        if (!ASSETS.contains(asset)) {
            return HttpResponse.notFound();
        }
        return resources.getResource(SWAGGER_UI + asset).map(url -> HttpResponse.ok(new StreamedFile(url)))
                .orElseGet(HttpResponse::notFound);
    }
}
