package ticketdesk.core.testing;

import io.micronaut.context.ApplicationContext;
import java.util.concurrent.atomic.AtomicInteger;
import ticketdesk.core.Channel;
import ticketdesk.core.ticket.ClaimResult;
import ticketdesk.core.ticket.ClaimingTicket;
import ticketdesk.core.ticket.Commands;
import ticketdesk.core.ticket.OpenResult;
import ticketdesk.core.ticket.OpeningTicket;
import ticketdesk.core.ticket.Source;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.ManagingUsers;
import ticketdesk.core.user.NewUser;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserResult;

/** Fixture builders over the real use cases: {@code world.responder("alice")}, {@code world.pendingTicket(bob)}. */
public final class World {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final ApplicationContext context;

    public World(ApplicationContext context) {
        this.context = context;
    }

    public User employee(String name) {
        return user(name, Role.EMPLOYEE, null);
    }

    public User responder(String name) {
        return user(name, Role.RESPONDER, null);
    }

    public User admin(String name) {
        return user(name, Role.ADMIN, null);
    }

    /** A user with a unique email {@code name-N@example.com} and, when given, a linked Slack id. */
    public User user(String name, Role role, String slackUserId) {
        String email = name.toLowerCase().replaceAll("[^a-z0-9]", "") + "-" + SEQ.incrementAndGet() + "@example.com";
        UserResult result = context.getBean(ManagingUsers.class)
                .create(new NewUser(name, email, null, role, null, null, slackUserId, null));
        if (result instanceof UserResult.Saved saved) {
            return saved.user();
        }
        throw new IllegalStateException(result.toString());
    }

    public Ticket pendingTicket(User requester) {
        return pendingTicket(requester, "printer broken");
    }

    public Ticket pendingTicket(User requester, String title) {
        return pendingTicket(requester, title, Source.WEB);
    }

    public Ticket pendingTicket(User requester, String title, Source source) {
        OpenResult result = context.getBean(OpeningTicket.class)
                .open(new Commands.OpenTicket(requester.id(), title, null, null, null, source));
        if (result instanceof OpenResult.Opened opened) {
            return opened.ticket();
        }
        throw new IllegalStateException(result.toString());
    }

    public Ticket claimedTicket(User requester, User responder) {
        return claim(pendingTicket(requester), responder);
    }

    public Ticket claim(Ticket ticket, User responder) {
        ClaimResult result = context.getBean(ClaimingTicket.class)
                .claim(new Commands.ClaimTicket(ticket.id(), responder.id(), Channel.WEB));
        if (result instanceof ClaimResult.Claimed claimed) {
            return claimed.ticket();
        }
        throw new IllegalStateException(result.toString());
    }
}
