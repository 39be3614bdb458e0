package ticketdesk.admin.api;

import ticketdesk.core.user.User;

/** Who is calling the API: the active user the bearer token acts as. Set by {@link ApiTokenFilter}. */
public record ApiCaller(User user, long tokenId) {

    /** The request attribute the filter leaves it in, for {@code @RequestAttribute}. */
    public static final String ATTRIBUTE = "ticketdesk.api.caller";

    public long id() {
        return user.id();
    }
}
