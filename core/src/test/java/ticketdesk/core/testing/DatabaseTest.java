package ticketdesk.core.testing;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of a {@code @MicronautTest(transactional = false)} class that runs against its own fresh
 * MariaDB database. Override {@link #extraProperties()} to add configuration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseTest implements TestPropertyProvider {

    protected final TestDatabase db = TestDatabase.fresh();

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
