package ticketdesk.bot.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ticketdesk.core.ticket.Priority;

/**
 * Reads the text after {@code /ticket}. The first word may be a keyword ({@code list}, {@code status 42},
 * {@code close 42}, {@code help}); anything else is a new ticket whose title may carry {@code !priority}
 * and {@code #category} words, and whose description follows {@code --}. See {@link #help(String)}.
 */
public final class TicketCommandParser {

    private static final Pattern TICKET_NUMBER = Pattern.compile("#?(\\d{1,18})");
    /** A category word, also as Slack escapes a channel name: {@code <#C0123|hardware>}. */
    private static final Pattern CATEGORY = Pattern.compile("(?:#|<#[A-Z0-9]+\\|)([\\p{L}\\p{N}_.\\-/]+)>?");
    private static final String DESCRIPTION_MARK = "--";

    private TicketCommandParser() {
    }

    public static TicketCommand parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return new TicketCommand.Form();
        }
        String[] words = trimmed.split("\\s+");
        String keyword = words[0].toLowerCase(Locale.ROOT);
        return switch (keyword) {
            case "help" -> new TicketCommand.Help();
            case "list" -> words.length == 1 ? new TicketCommand.ListMine()
                    : new TicketCommand.Invalid("`list` takes nothing after it: type `list` alone.");
            case "status" -> numbered(words, "status", TicketCommand.Status::new);
            case "close" -> numbered(words, "close", TicketCommand.Close::new);
            default -> open(trimmed);
        };
    }

    private static TicketCommand numbered(String[] words, String keyword,
                                          java.util.function.LongFunction<TicketCommand> command) {
        Matcher number = words.length == 2 ? TICKET_NUMBER.matcher(words[1]) : null;
        if (number == null || !number.matches()) {
            return new TicketCommand.Invalid("`" + keyword + "` needs a ticket number, like `" + keyword + " 42`.");
        }
        return command.apply(Long.parseLong(number.group(1)));
    }

    private static TicketCommand open(String text) {
        String head = text;
        String description = null;
        int mark = findDescriptionMark(text);
        if (mark >= 0) {
            head = text.substring(0, mark);
            description = text.substring(mark + DESCRIPTION_MARK.length()).strip();
        }
        Priority priority = null;
        String category = null;
        List<String> title = new ArrayList<>();
        for (String word : head.strip().split("\\s+")) {
            if (word.length() > 1 && word.startsWith("!")) {
                Optional<Priority> parsed = Priority.parse(word.substring(1));
                if (parsed.isEmpty()) {
                    return new TicketCommand.Invalid("`" + word + "` is not a priority: use !low, !medium, !high"
                            + " or !urgent.");
                }
                priority = parsed.get();
                continue;
            }
            Matcher categoryWord = CATEGORY.matcher(word);
            if (category == null && categoryWord.matches()) {
                category = categoryWord.group(1);
                continue;
            }
            if (!word.isEmpty()) {
                title.add(word);
            }
        }
        return new TicketCommand.Open(String.join(" ", title), priority, category,
                description == null || description.isEmpty() ? null : description);
    }

    /** {@code --} as a word of its own, so {@code wi-fi--5GHz} stays in the title. */
    private static int findDescriptionMark(String text) {
        Matcher m = Pattern.compile("(^|\\s)--(\\s|$)").matcher(text);
        return m.find() ? m.start() + m.group(1).length() : -1;
    }

    /** The help text, for the command name the platform uses ({@code /ticket}). */
    public static String help(String command) {
        return String.join("\n",
                "How to use " + command + ":",
                command + " printer broken  - open a ticket titled \"printer broken\"",
                command + " printer broken !high #hardware -- jams on every page  - with priority, category"
                        + " and description",
                "   priorities: !low, !medium (the default), !high, !urgent; a category is one #word;"
                        + " the description follows --",
                command + "  - (nothing after it) open a form with title, description, priority and category",
                command + " list  - the tickets you can see",
                command + " status 42  - where ticket #42 stands",
                command + " close 42  - resolve #42 if you hold it, otherwise cancel it (requester or admin)",
                command + " help  - this text");
    }
}
