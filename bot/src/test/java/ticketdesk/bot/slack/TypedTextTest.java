package ticketdesk.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import ticketdesk.core.user.Role;

/**
 * What people type (title, description, category, display names) is shown as text in Slack, never read as
 * Slack markup: a category {@code <!channel>} must not ping the responders, a title must not be a disguised link.
 */
@MicronautTest(transactional = false)
class TypedTextTest extends SlackTest {

    private static final String LINK = "<https://evil.example|VPN reset – sign in here>";
    private static final String LINK_SHOWN = "&lt;https://evil.example|VPN reset – sign in here&gt;";

    @Test
    void markupTypedIntoATicketIsShownEscapedOnTheCardInNotesAndInListAndStatus() {
        world.user("Eve <!here>", Role.EMPLOYEE, "UEVE");
        world.user("Hal <!everyone>", Role.RESPONDER, "UHAL");

        HttpResponse<String> submitted = signed.interaction(Payloads.viewSubmission("UEVE", LINK,
                "call <!subteam^S1> now", "high", "<!channel>", slack.responseUrl("eve")));
        assertThat(submitted.statusCode()).isEqualTo(200);
        long id = db.count("SELECT id FROM tickets WHERE category = '<!channel>'");
        deliver();

        String card = slack.calls("chat.postMessage", c -> RESPONDERS.equals(c.param("channel"))).get(0).blocks();
        assertThat(card).contains("Category: &lt;!channel&gt;").contains(LINK_SHOWN)
                .contains("call &lt;!subteam^S1&gt; now");
        assertRaw(card);
        eventually(() -> !slack.calls("response_url").isEmpty());
        assertThat(slack.calls("response_url")).singleElement().satisfies(note -> {
            assertThat(note.param("text")).contains("opened: " + LINK_SHOWN).contains("category &lt;!channel&gt;");
            assertRaw(note.param("text"));
        });

        String cardTs = slack.calls("chat.postMessage", c -> RESPONDERS.equals(c.param("channel"))).get(0).ts();
        signed.interaction(Payloads.buttonPress("claim", Long.toString(id), "UHAL", slack.responseUrl("hal"), cardTs));
        deliver();
        assertThat(slack.calls("chat.update")).isNotEmpty().allSatisfy(update -> assertRaw(update.blocks()));
        assertThat(slack.calls("chat.postMessage", c -> "UEVE".equals(c.param("channel")))).singleElement()
                .satisfies(dm -> assertRaw(dm.param("text")));

        String list = text(signed.command("UEVE", "eve", "list", slack.responseUrl("eve")));
        assertThat(list).contains("#" + id + " [in process, Hal &lt;!everyone&gt;] " + LINK_SHOWN);
        assertRaw(list);
        String status = text(signed.command("UEVE", "eve", "status " + id, slack.responseUrl("eve")));
        assertThat(status).contains("#" + id + " " + LINK_SHOWN).contains("held by Hal &lt;!everyone&gt;")
                .contains("Category: &lt;!channel&gt;").contains("Opened by Eve &lt;!here&gt;")
                .contains("call &lt;!subteam^S1&gt; now");
        assertRaw(status);
    }

    @Test
    void aSyntaxProblemQuotesTheTypedWordEscaped() {
        String answer = text(signed.command("UZED", "zed", "wifi !<!channel>", slack.responseUrl("z")));

        assertThat(answer).contains("`!&lt;!channel&gt;` is not a priority").doesNotContain("<!channel>");
    }

    private static void assertRaw(String shown) {
        assertThat(shown).doesNotContain("<!channel>").doesNotContain("<!here>").doesNotContain("<!everyone>")
                .doesNotContain("<!subteam").doesNotContain("<https://evil.example");
    }

    private static String text(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonParser.parseString(response.body()).getAsJsonObject().get("text").getAsString();
    }
}
