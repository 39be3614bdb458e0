package ticketdesk.bot.slack;

/** Slack's text escaping: only {@code &}, {@code <} and {@code >} are special in message text. */
final class SlackText {

    private SlackText() {
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String unescape(String text) {
        return text == null ? "" : text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
