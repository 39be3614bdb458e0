package ticketdesk.core.webhook;

import ticketdesk.core.Refusal;

public sealed interface WebhookResult {

    /** Saved; {@code secret} is the signing secret when it was just set (shown this once), else null. */
    record Saved(WebhookEndpoint endpoint, String secret) implements WebhookResult {
    }

    record Refused(Refusal refusal) implements WebhookResult {
    }
}
