package ticketdesk.admin.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * What micronaut-openapi needs besides the controllers to write the API's document at build time
 * ({@code META-INF/swagger/ticketdesk.yml}, served as {@code /api/openapi.yml}): its title, the bearer token every call
 * sends. The panel's packages are left out by admin-web's pom (micronaut.openapi.exclude.packages).
 */
@OpenAPIDefinition(
        info = @Info(title = "ticketdesk", version = "v1",
                description = "The ticketdesk API: tickets, users, the audit feed and webhooks. Every call sends"
                        + " Authorization: Bearer <API token>; errors are RFC 9457 problems."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
final class ApiDefinition {

    private ApiDefinition() {
    }
}
