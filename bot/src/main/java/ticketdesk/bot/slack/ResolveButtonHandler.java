package ticketdesk.bot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import jakarta.inject.Singleton;
import ticketdesk.bot.card.CardButton;

/** The card's Resolve button. */
@Singleton
class ResolveButtonHandler implements BlockActionHandler {

    private final ButtonPresses presses;

    ResolveButtonHandler(ButtonPresses presses) {
        this.presses = presses;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        presses.press(CardButton.RESOLVE, request);
        return ctx.ack();
    }
}
