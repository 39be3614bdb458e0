package ticketdesk.core;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/** The one clock of the domain: UTC, truncated to the microseconds a DATETIME(6) keeps. */
@Singleton
public class Times {

    private final Clock clock;

    @jakarta.inject.Inject
    public Times() {
        this(Clock.systemUTC());
    }

    public Times(Clock clock) {
        this.clock = clock;
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
