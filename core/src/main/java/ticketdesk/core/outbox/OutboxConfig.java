package ticketdesk.core.outbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** {@code ticketdesk.outbox.*}: how the worker polls, retries and gives up. */
@ConfigurationProperties("ticketdesk.outbox")
public class OutboxConfig {

    private boolean enabled = true;
    private int batchSize = 50;
    private int maxAttempts = 8;
    private Duration baseDelay = Duration.ofSeconds(2);
    private Duration maxDelay = Duration.ofMinutes(15);
    private Duration lease = Duration.ofMinutes(2);
    private int deliveryThreads = 4;

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public int getBatchSize() { return batchSize; }
    public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
    public int getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
    public Duration getBaseDelay() { return baseDelay; }
    public void setBaseDelay(Duration baseDelay) { this.baseDelay = baseDelay; }
    public Duration getMaxDelay() { return maxDelay; }
    public void setMaxDelay(Duration maxDelay) { this.maxDelay = maxDelay; }
    public Duration getLease() { return lease; }
    public void setLease(Duration lease) { this.lease = lease; }
    public int getDeliveryThreads() { return deliveryThreads; }
    public void setDeliveryThreads(int deliveryThreads) { this.deliveryThreads = deliveryThreads; }
}
