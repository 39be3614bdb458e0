package ticketdesk.bot.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** Slack's interactivity and Events API payloads, shaped as Slack sends them. */
public final class Payloads {

    private Payloads() {
    }

    public static String buttonPress(String actionId, String value, String userId, String responseUrl, String messageTs) {
        JsonObject payload = new JsonObject();
        payload.addProperty("type", "block_actions");
        payload.addProperty("api_app_id", "A1");
        payload.addProperty("token", "legacy-token");
        payload.addProperty("trigger_id", SignedSlack.trigger(userId));
        payload.addProperty("response_url", responseUrl);
        payload.add("team", object("id", "T1", "domain", "acme"));
        payload.add("user", object("id", userId, "username", userId.toLowerCase(), "name", userId.toLowerCase(),
                "team_id", "T1"));
        payload.add("channel", object("id", "CRESP", "name", "responders"));
        payload.add("container", object("type", "message", "message_ts", messageTs, "channel_id", "CRESP",
                "is_ephemeral", "false"));
        JsonObject action = new JsonObject();
        action.addProperty("type", "button");
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", "ticket-" + value);
        action.addProperty("value", value);
        action.addProperty("action_ts", "1700000100.000001");
        action.add("text", object("type", "plain_text", "text", actionId));
        JsonArray actions = new JsonArray();
        actions.add(action);
        payload.add("actions", actions);
        return payload.toString();
    }

    public static String threadReply(String userId, String text, String ts, String threadTs, String channel) {
        return envelope(threadMessage(null, userId, text, ts, threadTs, channel));
    }

    /** A person's message in a thread, with Slack's subtype ({@code thread_broadcast}, {@code file_share}) or none. */
    public static JsonObject threadMessage(String subtype, String userId, String text, String ts, String threadTs,
                                           String channel) {
        return object("type", "message", "subtype", subtype, "channel", channel, "user", userId, "text", text,
                "ts", ts, "thread_ts", threadTs, "event_ts", ts, "channel_type", "channel");
    }

    public static String botThreadPost(String text, String ts, String threadTs, String channel) {
        JsonObject event = new JsonObject();
        event.addProperty("type", "message");
        event.addProperty("subtype", "bot_message");
        event.addProperty("bot_id", "B1");
        event.addProperty("channel", channel);
        event.addProperty("text", text);
        event.addProperty("ts", ts);
        event.addProperty("thread_ts", threadTs);
        return envelope(event);
    }

    public static String envelope(JsonObject event) {
        JsonObject payload = new JsonObject();
        payload.addProperty("token", "legacy-token");
        payload.addProperty("team_id", "T1");
        payload.addProperty("api_app_id", "A1");
        payload.addProperty("type", "event_callback");
        payload.addProperty("event_id", "Ev" + event.get("ts").getAsString().replace(".", ""));
        payload.addProperty("event_time", 1700000000);
        payload.add("event", event);
        return payload.toString();
    }

    static String viewSubmission(String userId, String title, String description, String priority,
                                 String category, String responseUrl) {
        JsonObject values = new JsonObject();
        values.add("title", field(object("type", "plain_text_input", "value", title)));
        values.add("description", field(object("type", "plain_text_input", "value", description)));
        JsonObject select = object("type", "static_select");
        if (priority != null) {
            select.add("selected_option", object("value", priority));
        }
        values.add("priority", field(select));
        values.add("category", field(object("type", "plain_text_input", "value", category)));
        JsonObject state = new JsonObject();
        state.add("values", values);
        JsonObject metadata = object("channel", "CGENERAL", "responseUrl", responseUrl);
        JsonObject view = object("id", "V1", "type", "modal", "callback_id", NewTicketForm.CALLBACK_ID,
                "private_metadata", metadata.toString(), "team_id", "T1");
        view.add("state", state);
        JsonObject payload = new JsonObject();
        payload.addProperty("type", "view_submission");
        payload.addProperty("api_app_id", "A1");
        payload.addProperty("token", "legacy-token");
        payload.addProperty("trigger_id", SignedSlack.trigger(userId));
        payload.add("team", object("id", "T1", "domain", "acme"));
        payload.add("user", object("id", userId, "username", userId.toLowerCase(), "name", userId.toLowerCase(),
                "team_id", "T1"));
        payload.add("view", view);
        return payload.toString();
    }

    private static JsonObject field(JsonObject value) {
        JsonObject field = new JsonObject();
        field.add("value", value);
        return field;
    }

    public static JsonObject object(String... keyValues) {
        JsonObject json = new JsonObject();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                json.addProperty(keyValues[i], keyValues[i + 1]);
            }
        }
        return json;
    }
}
