package ticketdesk.core.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * A {@link DatabaseTest} whose context has the {@link RecordingNotifier} (an email channel), so the
 * outbox records what the use cases announce.
 */
public abstract class RecordingDatabaseTest extends DatabaseTest {

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
}
