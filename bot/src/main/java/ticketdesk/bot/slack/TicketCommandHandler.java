package ticketdesk.bot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import jakarta.inject.Singleton;
import java.util.Optional;
import ticketdesk.bot.command.ChatDesk;
import ticketdesk.bot.command.TicketCommand;
import ticketdesk.bot.command.TicketCommandParser;
import ticketdesk.core.ticket.Source;

/** {@code /ticket …}: parse, run as the Slack user, answer ephemerally in the channel. */
@Singleton
class TicketCommandHandler implements SlashCommandHandler {

    static final String FIRST_TIME = "Setting up your ticketdesk account; the answer follows in a moment.";

    private final ChatDesk desk;
    private final SlackPeople people;
    private final NewTicketForm form;
    private final SlackNames names;

    TicketCommandHandler(ChatDesk desk, SlackPeople people, NewTicketForm form, SlackNames names) {
        this.desk = desk;
        this.people = people;
        this.form = form;
        this.names = names;
    }

    @Override
    public Response apply(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        TicketCommand command = TicketCommandParser.parse(payload.getText());
        if (command instanceof TicketCommand.Form) {
            return answer(ctx, form.open(payload));
        }
        if (!ChatDesk.needsPerson(command)) {
            // a syntax problem quotes what was typed
            return answer(ctx, SlackText.escape(ChatDesk.answerWithoutPerson(command, payload.getCommand())));
        }
        Where where = new Where(null, payload.getChannelId(), payload.getUserId(), payload.getResponseUrl());
        SlackPeople.Answer answer = people.act(new SlackPeople.Person(payload.getUserId(), payload.getUserName(),
                        payload.getTeamId()), where,
                user -> Optional.of(desk.run(command, user, Source.SLACK, names)));
        return answer(ctx, answer.deferred() ? FIRST_TIME : answer.text());
    }

    private static Response answer(SlashCommandContext ctx, String text) {
        return text == null ? ctx.ack() : ctx.ack(r -> r.responseType("ephemeral").text(text));
    }
}
