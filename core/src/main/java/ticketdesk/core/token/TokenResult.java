package ticketdesk.core.token;

import ticketdesk.core.Refusal;

public sealed interface TokenResult {

    /** Issued: {@code secret} is the whole token, shown this once and stored only as a hash. */
    record Issued(ApiToken token, String secret) implements TokenResult {
    }

    record Refused(Refusal refusal) implements TokenResult {
    }
}
