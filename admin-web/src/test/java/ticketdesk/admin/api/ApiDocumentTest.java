package ticketdesk.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import ticketdesk.core.testing.DatabaseTest;

/** /api/openapi.yml is a valid OpenAPI document of every /api/v1 route and nothing else; /api/docs renders it. */
@MicronautTest(transactional = false)
class ApiDocumentTest extends DatabaseTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Router router;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentParsesAndListsEveryApiRouteWithItsMethod() throws Exception {
        HttpResponse<String> document = get("/api/openapi.yml");
        assertThat(document.statusCode()).isEqualTo(200);

        Map<String, Object> openapi = new Yaml().load(document.body());
        assertThat((String) openapi.get("openapi")).startsWith("3.");
        assertThat((Map<String, Object>) openapi.get("info")).containsEntry("title", "ticketdesk");
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) openapi.get("paths");
        Set<String> documented = paths.entrySet().stream().flatMap(p -> p.getValue().keySet().stream()
                .map(method -> method.toUpperCase() + " " + p.getKey())).collect(Collectors.toCollection(TreeSet::new));
        Set<String> routes = router.uriRoutes().filter(r -> r.getUriMatchTemplate().toString().startsWith("/api/v1"))
                .filter(r -> !r.getHttpMethodName().equals("HEAD"))
                .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(routes).hasSizeGreaterThan(20);
        assertThat(documented).isEqualTo(routes);
        assertThat(((Map<String, Object>) openapi.get("components")).get("securitySchemes").toString())
                .contains("bearer");
    }

    @Test
    void theDocsPageLoadsSwaggerUiFromTheServiceItself() throws Exception {
        HttpResponse<String> page = get("/api/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js").doesNotContain("https://");
        for (String asset : new String[] {"/api/docs/swagger-ui-bundle.js", "/api/docs/swagger-ui.css",
            "/api/docs/swagger-ui-standalone-preset.js", "/api/docs/docs.js"}) {
            assertThat(get(asset).statusCode()).as(asset).isEqualTo(200);
        }
        assertThat(get("/api/docs/docs.js").body()).contains("/api/openapi.yml");
        assertThat(get("/api/docs/../../etc/passwd").statusCode()).isNotEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURI() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
