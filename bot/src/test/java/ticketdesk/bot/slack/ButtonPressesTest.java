package ticketdesk.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** How a block_actions payload is read into a {@link ButtonPress}, field by field, as Gson read it before. */
class ButtonPressesTest {

    @Test
    void aPressIsReadAsWhoPressedWhichButtonOnWhichTicketAndWhereToAnswer() {
        assertThat(read(p -> { })).isEqualTo(new ButtonPress("UAL", "ual", "T1", "CRESP", "https://hooks.slack.com/a",
                new ButtonPress.Action("claim", "42")));
    }

    @Test
    void thePressersTeamIsTheirOwnAndTheWorkspacesOnlyWhenSlackLeavesTheirsOut() {
        assertThat(read(p -> p.getAsJsonObject("user").addProperty("team_id", "TGUEST")).teamId()).isEqualTo("TGUEST");
        assertThat(read(p -> p.getAsJsonObject("user").remove("team_id")).teamId()).isEqualTo("T1");
    }

    @Test
    void anythingButBlockActionsIsLeftToBolt() {
        assertThat(ButtonPresses.read(null)).isEmpty();
        assertThat(ButtonPresses.read(JsonParser.parseString(Payloads.viewSubmission("UAL", "printer", "broken",
                "high", "it", null)).getAsJsonObject())).isEmpty();
        assertThat(ButtonPresses.read(press(p -> p.remove("type")))).isEmpty();
        assertThat(ButtonPresses.read(press(p -> p.addProperty("type", 5)))).isEmpty();
    }

    @Test
    void missingFieldsAreReadAsMissing() {
        ButtonPress noUser = read(p -> p.remove("user"));
        assertThat(noUser.userId()).isNull();
        assertThat(noUser.userName()).isNull();
        assertThat(read(p -> p.add("user", JsonNull.INSTANCE)).userId()).isNull();
        assertThat(read(p -> p.getAsJsonObject("user").remove("id")).userId()).isNull();
        assertThat(read(p -> p.add("actions", new JsonArray())).action()).isNull();
        assertThat(read(p -> p.remove("actions")).action()).isNull();
        assertThat(read(p -> p.add("actions", list(JsonNull.INSTANCE))).action()).isNull();
        assertThat(read(p -> p.remove("channel")).channelId()).isNull();
        assertThat(read(p -> p.remove("response_url")).responseUrl()).isNull();
        assertThat(read(p -> action(p).remove("value")).action()).isEqualTo(new ButtonPress.Action("claim", null));
        assertThat(read(p -> action(p).remove("action_id")).action()).isEqualTo(new ButtonPress.Action(null, "42"));
    }

    @Test
    void aNumberOrBooleanWhereTextBelongsIsReadAsItsText() {
        assertThat(read(p -> action(p).addProperty("value", 42)).action())
                .isEqualTo(new ButtonPress.Action("claim", "42"));
        assertThat(read(p -> action(p).addProperty("action_id", true)).action())
                .isEqualTo(new ButtonPress.Action("true", "42"));
        assertThat(read(p -> p.getAsJsonObject("user").addProperty("id", 123)).userId()).isEqualTo("123");
    }

    @Test
    void aFieldOfAShapeSlackNeverSendsLeavesThePressToBoltWhichRefusesIt() {
        List<Consumer<JsonObject>> misshapen = List.of(
                p -> p.addProperty("user", "UAL"),
                p -> p.getAsJsonObject("user").add("id", new JsonArray()),
                p -> p.addProperty("channel", "CRESP"),
                p -> p.add("response_url", new JsonObject()),
                p -> p.add("actions", new JsonObject()),
                p -> p.add("actions", list(action(p), new JsonPrimitive("claim"))),
                p -> action(p).add("value", new JsonObject()),
                p -> action(p).add("action_id", new JsonArray()));
        for (Consumer<JsonObject> change : misshapen) {
            JsonObject payload = press(change);
            assertThat(ButtonPresses.read(payload)).as(payload.toString()).isEmpty();
        }
    }

    private static ButtonPress read(Consumer<JsonObject> change) {
        JsonObject payload = press(change);
        Optional<ButtonPress> press = ButtonPresses.read(payload);
        assertThat(press).as(payload.toString()).isPresent();
        return press.get();
    }

    /** Claim on ticket 42 by UAL, changed by {@code change}. */
    private static JsonObject press(Consumer<JsonObject> change) {
        JsonObject payload = JsonParser.parseString(Payloads.buttonPress("claim", "42", "UAL",
                "https://hooks.slack.com/a", "1700000000.000100")).getAsJsonObject();
        change.accept(payload);
        return payload;
    }

    private static JsonObject action(JsonObject payload) {
        return payload.getAsJsonArray("actions").get(0).getAsJsonObject();
    }

    private static JsonArray list(JsonElement... elements) {
        JsonArray list = new JsonArray();
        for (JsonElement element : elements) {
            list.add(element);
        }
        return list;
    }
}
