package ticketdesk.mail.reply;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of the reply as the scanner keeps them. Where something was dropped between two kept
 * parts (a quote between interleaved answers), exactly one blank line stands; elsewhere the writer's
 * blank lines, indentation and everything else stay as they were, trailing spaces aside.
 */
final class KeptText {

    private final List<String> lines = new ArrayList<>();
    private boolean gap;
    private boolean text;

    void keep(String line) {
        if (gap && text) {
            trimBlankEnd();
            lines.add("");
        }
        gap = false;
        text |= !Texts.blank(line);
        lines.add(line.stripTrailing());
    }

    void blank() {
        if (!gap) {
            lines.add("");
        }
    }

    void drop() {
        gap = true;
    }

    List<String> lines() {
        trimBlankEnd();
        return lines;
    }

    private void trimBlankEnd() {
        while (!lines.isEmpty() && Texts.blank(lines.get(lines.size() - 1))) {
            lines.remove(lines.size() - 1);
        }
    }
}
