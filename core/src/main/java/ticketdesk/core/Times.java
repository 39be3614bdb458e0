package ticketdesk.core;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/** The one clock of the domain: UTC, truncated to the microseconds a DATETIME(6) keeps. */
@Singleton
public class Times {

    private final Clock clock;

    public Times() {
        this.clock = Clock.systemUTC();
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
