package ticketdesk.admin.tickets;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.function.Function;
import ticketdesk.core.ticket.ChangeResult;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

/** Turns what core answered to a ticket form into the redirect back to the ticket's page, saying what came of it. */
@Singleton
class TicketOutcomes {

    private final FlashCookie flashes;
    private final UserDirectory users;

    TicketOutcomes(FlashCookie flashes, UserDirectory users) {
        this.flashes = flashes;
        this.users = users;
    }

    HttpResponse<?> back(HttpRequest<?> request, Flash flash) {
        return HttpResponse.seeOther(URI.create("/admin/tickets/" + flash.ticketId()))
                .cookie(flashes.of(flash, request));
    }

    /** Back to the page with {@code said} of the changed ticket, or with core's reason for refusing. */
    HttpResponse<?> back(HttpRequest<?> request, long ticketId, ChangeResult result, Function<Ticket, String> said) {
        if (result instanceof ChangeResult.Changed changed) {
            return back(request, Flash.done(ticketId, said.apply(changed.ticket())));
        }
        return back(request, Flash.refused(ticketId, ((ChangeResult.Refused) result).refusal()));
    }

    String nameOf(long userId) {
        return users.byId(userId).map(User::displayName).orElse("#" + userId);
    }
}
