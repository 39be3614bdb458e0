package ticketdesk.core.testing;

import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * A {@link DatabaseTest} whose context has the {@link RecordingNotifier} (an email channel), so the
 * outbox records what the use cases announce; {@link #world} builds fixtures over the real use cases.
 */
public abstract class RecordingDatabaseTest extends DatabaseTest {

    @Inject protected ApplicationContext context;
    protected World world;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(moreProperties());
        properties.put("ticketdesk.test.recording-notifier", "true");
        return properties;
    }

    /** Further configuration for a subclass. */
    protected Map<String, String> moreProperties() {
        return Map.of();
    }

    @BeforeEach
    protected void buildWorld() {
        world = new World(context);
    }
}
