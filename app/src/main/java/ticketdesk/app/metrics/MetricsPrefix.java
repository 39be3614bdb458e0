package ticketdesk.app.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.inject.Singleton;

/** Every series {@code /metrics} exposes starts with {@code ticketdesk_}: the JVM's and HTTP's get the prefix too. */
@Singleton
class MetricsPrefix implements MeterFilter {

    static final String PREFIX = "ticketdesk.";

    @Override
    public Meter.Id map(Meter.Id id) {
        return id.getName().startsWith(PREFIX) ? id : id.withName(PREFIX + id.getName());
    }
}
