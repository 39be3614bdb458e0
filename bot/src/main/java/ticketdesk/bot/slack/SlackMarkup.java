package ticketdesk.bot.slack;

import jakarta.inject.Singleton;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ticketdesk.core.user.Platform;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

/**
 * Slack's message markup as plain text, for what is stored and relayed by email: {@code <https://x|label>}
 * reads "label (https://x)", {@code <@U1>} "@Display Name" of our user (else the name Slack gave, else the
 * id), {@code <#C1|general>} "#general", {@code <!here>} "@here", {@code <!subteam^S1|@ops>} "@ops", and
 * {@code &amp;}, {@code &lt;}, {@code &gt;} their characters.
 */
@Singleton
class SlackMarkup {

    private static final Pattern TOKEN = Pattern.compile("<([^<>]*)>");

    private final UserDirectory users;

    SlackMarkup(UserDirectory users) {
        this.users = users;
    }

    String readable(String text) {
        if (text == null) {
            return "";
        }
        Matcher token = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (token.find()) {
            out.append(SlackText.unescape(text.substring(last, token.start()))).append(token(token.group(1)));
            last = token.end();
        }
        return out.append(SlackText.unescape(text.substring(last))).toString();
    }

    private String token(String inside) {
        int bar = inside.indexOf('|');
        String target = SlackText.unescape(bar < 0 ? inside : inside.substring(0, bar));
        String label = bar < 0 || bar == inside.length() - 1 ? null : SlackText.unescape(inside.substring(bar + 1));
        if (target.startsWith("@")) {
            String id = target.substring(1);
            return "@" + users.byIdentity(Platform.SLACK, id).map(User::displayName)
                    .orElse(label == null ? id : strip(label, "@"));
        }
        if (target.startsWith("#")) {
            return "#" + (label == null ? target.substring(1) : strip(label, "#"));
        }
        if (target.startsWith("!")) {
            return special(target.substring(1), label);
        }
        return link(target, label);
    }

    /**
     * {@code <!here>}, {@code <!channel>}, {@code <!everyone>}, {@code <!subteam^S1|@ops>},
     * {@code <!date^…|fallback>}.
     */
    private static String special(String command, String label) {
        int caret = command.indexOf('^');
        String name = caret < 0 ? command : command.substring(0, caret);
        if (name.equals("date")) {
            return label != null ? label : command.substring(caret + 1).replaceAll("\\^.*", "");
        }
        if (label != null) {
            return "@" + strip(label, "@");
        }
        return "@" + (caret < 0 ? name : command.substring(caret + 1));
    }

    private static String link(String target, String label) {
        String shown = target.startsWith("mailto:") ? target.substring("mailto:".length()) : target;
        if (label == null || label.equals(shown) || label.equals(shown.replaceFirst("^https?://", ""))) {
            return label == null ? shown : label;
        }
        return label + " (" + shown + ")";
    }

    private static String strip(String text, String prefix) {
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }
}
