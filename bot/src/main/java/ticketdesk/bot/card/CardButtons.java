package ticketdesk.bot.card;

import jakarta.inject.Singleton;
import java.util.Optional;
import ticketdesk.core.Channel;
import ticketdesk.core.ticket.ChangeResult;
import ticketdesk.core.ticket.ClaimResult;
import ticketdesk.core.ticket.ClaimingTicket;
import ticketdesk.core.ticket.Commands;
import ticketdesk.core.ticket.DeclineResult;
import ticketdesk.core.ticket.DecliningTicket;
import ticketdesk.core.ticket.ReleasingTicket;
import ticketdesk.core.ticket.ResolvingTicket;
import ticketdesk.core.user.User;

/**
 * What pressing a card's button means: each button is one core use case. The answer is what the presser
 * alone should read, or empty when the updated card says it all (core re-renders the card through the
 * outbox after every change).
 */
@Singleton
public class CardButtons {

    private final ClaimingTicket claiming;
    private final DecliningTicket declining;
    private final ResolvingTicket resolving;
    private final ReleasingTicket releasing;
    private final TicketWords words;

    CardButtons(ClaimingTicket claiming, DecliningTicket declining, ResolvingTicket resolving,
                ReleasingTicket releasing, TicketWords words) {
        this.claiming = claiming;
        this.declining = declining;
        this.resolving = resolving;
        this.releasing = releasing;
        this.words = words;
    }

    public Optional<String> press(CardButton button, long ticketId, User presser, Channel channel, Names names) {
        return switch (button) {
            case CLAIM -> claim(ticketId, presser, channel, names);
            case DECLINE -> decline(ticketId, presser, channel);
            case RESOLVE -> changed(ticketId, "resolved",
                    resolving.resolve(new Commands.ResolveTicket(ticketId, presser.id(), channel)));
            case RELEASE -> changed(ticketId, "released",
                    releasing.release(new Commands.ReleaseTicket(ticketId, presser.id(), channel)));
        };
    }

    private Optional<String> claim(long ticketId, User presser, Channel channel, Names names) {
        ClaimResult result = claiming.claim(new Commands.ClaimTicket(ticketId, presser.id(), channel));
        if (result instanceof ClaimResult.AlreadyClaimed taken) {
            return Optional.of("Ticket #" + ticketId + " is already claimed by " + names.of(taken.holder()) + ".");
        }
        if (result instanceof ClaimResult.Refused refused) {
            return Optional.of("You did not claim ticket #" + ticketId + ": " + words.refusal(refused.refusal()));
        }
        return Optional.empty();
    }

    private Optional<String> decline(long ticketId, User presser, Channel channel) {
        DeclineResult result = declining.decline(new Commands.DeclineTicket(ticketId, presser.id(), channel));
        if (result instanceof DeclineResult.Refused refused) {
            return Optional.of("Ticket #" + ticketId + " was not declined: " + words.refusal(refused.refusal()));
        }
        DeclineResult.Declined declined = (DeclineResult.Declined) result;
        if (declined.alreadyDeclined()) {
            return Optional.of("You had already declined ticket #" + ticketId + "; nothing changed.");
        }
        return Optional.of("You declined ticket #" + ticketId + "; it will not be offered to you again"
                + (declined.returnedToPool() ? ", and it is back in the pool." : "."));
    }

    private Optional<String> changed(long ticketId, String verb, ChangeResult result) {
        if (result instanceof ChangeResult.Refused refused) {
            return Optional.of("Ticket #" + ticketId + " was not " + verb + ": " + words.refusal(refused.refusal()));
        }
        return Optional.empty();
    }
}
