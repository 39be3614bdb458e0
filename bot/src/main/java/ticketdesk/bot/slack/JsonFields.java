package ticketdesk.bot.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Reads the fields of Slack's JSON (payloads, Web API answers, Bolt's responses) straight from Gson's tree. */
final class JsonFields {

    private JsonFields() {
    }

    /** The text of a field: a number or boolean is its text; absent, null or not a text is null. */
    static String text(JsonObject json, String key) {
        JsonElement value = json == null ? null : json.get(key);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }
}
