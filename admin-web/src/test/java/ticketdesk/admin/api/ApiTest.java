package ticketdesk.admin.api;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.token.ApiTokens;
import ticketdesk.core.token.TokenResult;
import ticketdesk.core.user.User;

/** Base of the API's tests: the service on a real port, MariaDB, and tokens issued by core for fixture users. */
public abstract class ApiTest extends DatabaseTest {

    @Inject
    protected EmbeddedServer server;
    @Inject
    protected JsonMapper json;

    /** A client acting as {@code user}, through a token issued for them. */
    protected ApiClient as(User user) {
        return anonymous().as(tokenFor(user));
    }

    protected ApiClient anonymous() {
        return new ApiClient(server.getURI(), json, null);
    }

    protected String tokenFor(User user) {
        TokenResult result = context.getBean(ApiTokens.class).issue("tests", user.id(), null);
        return ((TokenResult.Issued) result).secret();
    }
}
