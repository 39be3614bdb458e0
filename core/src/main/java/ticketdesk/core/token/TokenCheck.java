package ticketdesk.core.token;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import ticketdesk.core.Times;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

/**
 * Who a presented token acts as: its user, while the token is known, matches its stored hash (compared in constant
 * time), is not revoked and its user is active. A refusal says why in words that never repeat the token, for a log.
 * The last use is recorded at most once a minute, so a busy client costs no write per call.
 */
@Singleton
public class TokenCheck {

    static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final UserDirectory users;
    private final Times times;

    TokenCheck(ApiTokenRepository tokens, UserDirectory users, Times times) {
        this.tokens = tokens;
        this.users = users;
        this.times = times;
    }

    public sealed interface Result {

        record Accepted(User user, ApiToken token) implements Result {
        }

        record Rejected(String why) implements Result {
        }
    }

    public Result check(String presented) {
        Optional<String> key = TokenSecrets.keyOf(presented);
        if (key.isEmpty()) {
            return new Result.Rejected("not a ticketdesk token");
        }
        ApiTokenRow row = tokens.findByTokenKey(key.get()).orElse(null);
        if (row == null || !TokenSecrets.matches(presented, row.tokenHash())) {
            return new Result.Rejected("unknown token");
        }
        if (row.revokedAt() != null) {
            return new Result.Rejected("token #" + row.id() + " was revoked");
        }
        Optional<User> user = users.byId(row.userId()).filter(User::active);
        if (user.isEmpty()) {
            return new Result.Rejected("token #" + row.id() + " acts as a deactivated user");
        }
        var now = times.now();
        tokens.touch(row.id(), now, now.minus(USE_RECORDED_EVERY));
        return new Result.Accepted(user.get(), row.toToken());
    }
}
