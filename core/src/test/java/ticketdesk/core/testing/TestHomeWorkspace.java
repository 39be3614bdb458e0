package ticketdesk.core.testing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Optional;
import ticketdesk.core.user.HomeWorkspace;
import ticketdesk.core.user.Platform;

/**
 * The Slack workspace of core's tests, as a chat adapter would declare it: starts as
 * {@code ticketdesk.test.home-workspace} (only tests that set that property have it), and a test may
 * change it, or make it unknown with null.
 */
@Singleton
@Requires(property = "ticketdesk.test.home-workspace")
public class TestHomeWorkspace implements HomeWorkspace {

    private volatile String id;

    TestHomeWorkspace(@Value("${ticketdesk.test.home-workspace}") String id) {
        this.id = id;
    }

    public void set(String workspace) {
        this.id = workspace;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }
}
