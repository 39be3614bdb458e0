package ticketdesk.core.user;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import ticketdesk.core.Refusal;
import ticketdesk.core.Times;

/**
 * Who someone acting from a chat platform is. Only people of the installation's own workspace there
 * ({@link HomeWorkspace}) act at all. A first-time identity is linked to the employee account that has
 * its email, or becomes a new employee; an email belonging to a responder or admin is never linked
 * automatically (an admin links those in the panel), since the platform's word on an email would
 * otherwise hand out their rights. Every link and refused link is a user event.
 */
@Singleton
public class RecognisingChatUser {

    static final String FOREIGN = "you are not a member of the workspace this ticketdesk serves, so nothing was done";
    static final String HOME_UNKNOWN = "ticketdesk does not know yet which workspace it serves, so your account was"
            + " not set up; please try again in a moment, or tell an admin if this keeps happening";

    private final UserRepository users;
    private final IdentityLinks links;
    private final Times times;
    private final TransactionOperations<Connection> tx;
    private final List<HomeWorkspace> homes;

    RecognisingChatUser(UserRepository users, IdentityLinks links, Times times, TransactionOperations<Connection> tx,
                        List<HomeWorkspace> homes) {
        this.users = users;
        this.links = links;
        this.times = times;
        this.tx = tx;
        this.homes = homes;
    }

    /** Known, Unknown, or Refused for another workspace: one read, nothing written. */
    public ChatUserResult recognise(ChatPerson person) {
        Optional<String> home = homeOf(person.platform());
        if (home.isPresent() && !home.get().equals(person.workspace())) {
            return new ChatUserResult.Refused(Refusal.notAllowed(FOREIGN));
        }
        return users.findByIdentity(person.platform().db(), person.externalId())
                .<ChatUserResult>map(row -> new ChatUserResult.Known(row.toUser()))
                .orElseGet(ChatUserResult.Unknown::new);
    }

    /**
     * Sets up someone seen for the first time. When two first actions of the same person race, the loser
     * reads what the winner linked.
     */
    public ChatUserResult firstUse(ChatPerson person, ChatProfile profile) {
        Optional<String> home = homeOf(person.platform());
        if (home.isEmpty()) {
            return new ChatUserResult.Refused(Refusal.notAllowed(HOME_UNKNOWN));
        }
        if (!home.get().equals(person.workspace())) {
            return new ChatUserResult.Refused(Refusal.notAllowed(FOREIGN));
        }
        try {
            return tx.executeWrite(s -> linkOrCreate(person, profile));
        } catch (DataAccessException raced) {
            return tx.executeRead(s -> users.findByIdentity(person.platform().db(), person.externalId()))
                    .<ChatUserResult>map(row -> new ChatUserResult.Known(row.toUser())).orElseThrow(() -> raced);
        }
    }

    private ChatUserResult linkOrCreate(ChatPerson person, ChatProfile profile) {
        Optional<UserRow> known = users.findByIdentity(person.platform().db(), person.externalId());
        if (known.isPresent()) {
            return new ChatUserResult.Known(known.get().toUser());
        }
        String email = UserFields.emailOrNull(profile.email());
        Optional<UserRow> owner = email == null ? Optional.empty() : users.findByEmail(email);
        if (owner.isPresent() && Role.fromDb(owner.get().role()).canWorkTickets()) {
            links.refused(owner.get().id(), person);
            return new ChatUserResult.Refused(Refusal.notAllowed("the email of your account there belongs to a"
                    + " ticketdesk responder or admin, whose account is never linked automatically; ask an admin to"
                    + " link your id " + person.externalId() + " to it in the admin panel"));
        }
        UserRow user = owner.orElseGet(() -> create(person, profile, email));
        links.link(user.id(), person.platform(), person.externalId(), null, person.platform().channel());
        return owner.isPresent() ? new ChatUserResult.Linked(user.toUser()) : new ChatUserResult.Created(user.toUser());
    }

    private UserRow create(ChatPerson person, ChatProfile profile, String email) {
        var now = times.now();
        String name = profile.displayName() == null || profile.displayName().isBlank() ? person.externalId()
                : UserFields.truncate(profile.displayName().strip(), 200);
        return users.save(new UserRow(null, name, email, null, Role.EMPLOYEE.db(), null, null, true, null, now, now));
    }

    private Optional<String> homeOf(Platform platform) {
        return homes.stream().filter(h -> h.platform() == platform).findFirst().flatMap(HomeWorkspace::id)
                .filter(id -> !id.isBlank());
    }
}
