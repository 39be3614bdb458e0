package ticketdesk.core.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of a {@code @MicronautTest(transactional = false)} class that runs against its own fresh
 * MariaDB database. Override {@link #extraProperties()} to add configuration; {@link #world} builds
 * fixtures over the real use cases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseTest implements TestPropertyProvider {

    protected final TestDatabase db = TestDatabase.fresh();
    @Inject protected ApplicationContext context;
    protected World world;

    @BeforeEach
    protected void buildWorld() {
        world = new World(context);
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = db.properties();
        properties.putAll(extraProperties());
        return properties;
    }

    protected Map<String, String> extraProperties() {
        return Map.of();
    }
}
