package ticketdesk.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ticketdesk.core.ticket.Priority;

class TicketCommandParserTest {

    @Test
    void plainTextIsATitle() {
        assertThat(TicketCommandParser.parse("  printer   broken ")).isEqualTo(
                new TicketCommand.Open("printer broken", null, null, null));
    }

    @Test
    void priorityCategoryAndDescriptionAreReadFromTheirMarks() {
        assertThat(TicketCommandParser.parse("printer !URGENT jams #hardware -- 3rd floor -- near the door"))
                .isEqualTo(new TicketCommand.Open("printer jams", Priority.URGENT, "hardware",
                        "3rd floor -- near the door"));
    }

    @Test
    void aCategorySlackEscapedAsAChannelLinkIsStillACategory() {
        assertThat(TicketCommandParser.parse("vpn down <#C0123ABC|network>"))
                .isEqualTo(new TicketCommand.Open("vpn down", null, "network", null));
    }

    @Test
    void dashesInsideAWordStayInTheTitle() {
        assertThat(TicketCommandParser.parse("wi-fi--5GHz drops")).isEqualTo(
                new TicketCommand.Open("wi-fi--5GHz drops", null, null, null));
    }

    @Test
    void anUnknownPriorityIsExplained() {
        assertThat(TicketCommandParser.parse("wifi !asap")).isInstanceOfSatisfying(TicketCommand.Invalid.class,
                i -> assertThat(i.problem()).contains("!asap").contains("!urgent"));
    }

    @Test
    void keywordsAreCommands() {
        assertThat(TicketCommandParser.parse("")).isEqualTo(new TicketCommand.Form());
        assertThat(TicketCommandParser.parse("HELP")).isEqualTo(new TicketCommand.Help());
        assertThat(TicketCommandParser.parse("list")).isEqualTo(new TicketCommand.ListMine());
        assertThat(TicketCommandParser.parse("status #42")).isEqualTo(new TicketCommand.Status(42));
        assertThat(TicketCommandParser.parse("close 7")).isEqualTo(new TicketCommand.Close(7));
    }

    @Test
    void aKeywordWithoutItsNumberIsExplainedRatherThanOpenedAsATicket() {
        assertThat(TicketCommandParser.parse("close the window")).isInstanceOf(TicketCommand.Invalid.class);
        assertThat(TicketCommandParser.parse("status")).isInstanceOf(TicketCommand.Invalid.class);
        assertThat(TicketCommandParser.parse("status 99999999999999999999")).isInstanceOf(TicketCommand.Invalid.class);
    }

    @Test
    void onlyMarksLeaveNoTitleAndCoreRefusesThat() {
        assertThat(TicketCommandParser.parse("!high #hardware")).isEqualTo(
                new TicketCommand.Open("", Priority.HIGH, "hardware", null));
    }
}
