package ticketdesk.bot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.google.gson.JsonObject;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import java.util.ArrayList;
import java.util.List;
import ticketdesk.bot.card.CardButton;
import ticketdesk.bot.card.Names;
import ticketdesk.bot.card.TicketCard;

/** A {@link TicketCard} as Block Kit: heading and details, the state, and the buttons (value = ticket id). */
final class CardBlocks {

    static final String CARD_EVENT_TYPE = "ticketdesk_ticket_card";
    private static final int SECTION_LIMIT = 2900;

    private CardBlocks() {
    }

    static List<LayoutBlock> of(TicketCard card, Names names) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String heading = "*" + SlackText.escape(card.heading()) + "*\n" + card.details(names);
        blocks.add(section(s -> s.text(markdownText(SlackText.limit(heading, SECTION_LIMIT)))));
        if (card.ticket().description() != null) {
            String description = SlackText.escape(card.ticket().description());
            blocks.add(section(s -> s.text(markdownText(SlackText.limit(description, SECTION_LIMIT)))));
        }
        List<TextObject> state = List.of(markdownText(card.state(names)));
        blocks.add(context(c -> c.elements(new ArrayList<>(state))));
        if (!card.buttons().isEmpty()) {
            List<BlockElement> buttons = new ArrayList<>();
            for (CardButton b : card.buttons()) {
                String value = Long.toString(card.ticket().id());
                buttons.add(button(x -> x.actionId(b.id()).value(value).text(plainText(b.label()))
                        .style(style(b))));
            }
            blocks.add(actions(a -> a.blockId("ticket-" + card.ticket().id()).elements(buttons)));
        }
        return blocks;
    }

    /** The message metadata that marks a ticket's card, so a card whose ts was lost can be found in the channel. */
    static JsonObject tag(long ticketId) {
        JsonObject payload = new JsonObject();
        payload.addProperty("ticket_id", Long.toString(ticketId));
        JsonObject tag = new JsonObject();
        tag.addProperty("event_type", CARD_EVENT_TYPE);
        tag.add("event_payload", payload);
        return tag;
    }

    /** The notification text Slack shows where blocks cannot be shown. */
    static String fallback(TicketCard card, Names names) {
        return SlackText.limit("Ticket " + SlackText.escape(card.heading()) + " — " + card.state(names), 3000);
    }

    private static String style(CardButton button) {
        return switch (button) {
            case CLAIM, RESOLVE -> "primary";
            case DECLINE, RELEASE -> null;
        };
    }
}
