package ticketdesk.core.token;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import ticketdesk.core.Refusal;
import ticketdesk.core.Times;
import ticketdesk.core.text.CleanText;
import ticketdesk.core.ticket.Actors;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

/**
 * Issues and revokes API tokens. A token acts as one active user, with that user's rights; it is shown once when
 * issued and stored only as a hash; a revoked token stays listed, with when it was revoked.
 */
@Singleton
public class ApiTokens {

    public static final int MAX_NAME = 100;

    private final ApiTokenRepository tokens;
    private final Actors actors;
    private final UserDirectory users;
    private final Times times;

    ApiTokens(ApiTokenRepository tokens, Actors actors, UserDirectory users, Times times) {
        this.tokens = tokens;
        this.actors = actors;
        this.users = users;
        this.times = times;
    }

    /** A new token named {@code name} for user {@code userId}, issued by {@code issuedBy} (null: the operator). */
    @Transactional
    public TokenResult issue(String name, long userId, @Nullable Long issuedBy) {
        String cleanName = name == null ? "" : CleanText.line(name).strip();
        Optional<Refusal> refusal = nameRefusal(cleanName);
        if (refusal.isPresent()) {
            return new TokenResult.Refused(refusal.get());
        }
        Actors.Acting user = actors.load(userId);
        if (user.refused()) {
            return new TokenResult.Refused(user.user() == null ? user.refusal()
                    : Refusal.notAllowed(user.user().displayName() + "'s account is deactivated; a token would act"
                            + " as nobody"));
        }
        String secret = TokenSecrets.newToken();
        ApiTokenRow row = tokens.save(new ApiTokenRow(null, cleanName, userId, TokenSecrets.keyOf(secret).orElseThrow(),
                TokenSecrets.hash(secret), issuedBy, times.now(), null, null));
        return new TokenResult.Issued(row.toToken(), secret);
    }

    /** As {@link #issue}, for the user with this email (the operator's command line). */
    public TokenResult issue(String name, String email, @Nullable Long issuedBy) {
        Optional<User> user = users.byEmail(email);
        if (user.isEmpty()) {
            return new TokenResult.Refused(new Refusal(Refusal.Reason.NOT_FOUND, "no user has the email " + email));
        }
        return issue(name, user.get().id(), issuedBy);
    }

    /** Revokes the token for good; revoking it again changes nothing. */
    public Optional<Refusal> revoke(long tokenId) {
        if (tokens.findById(tokenId).isEmpty()) {
            return Optional.of(Refusal.notFound("token #" + tokenId));
        }
        tokens.revoke(tokenId, times.now());
        return Optional.empty();
    }

    /** Every token, the live ones first, newest first. */
    public List<ApiToken> list() {
        return tokens.listAll().stream().map(ApiTokenRow::toToken).toList();
    }

    private static Optional<Refusal> nameRefusal(String name) {
        if (name.isEmpty()) {
            return Optional.of(Refusal.invalid("name", "a token needs a name (what will use it)"));
        }
        if (name.length() > MAX_NAME) {
            return Optional.of(Refusal.invalid("name", "a token's name may have at most " + MAX_NAME + " characters"));
        }
        return Optional.empty();
    }
}
