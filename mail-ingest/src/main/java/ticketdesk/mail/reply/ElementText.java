package ticketdesk.mail.reply;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/** The first words of an element's text, read without walking far: what a marker check needs. */
final class ElementText {

    private static final int MAX_CHARS = 120;
    /** However deep the element, at most this many nodes are visited. */
    private static final int MAX_NODES = 200;

    private ElementText() {
    }

    /** The text up to the first line break (or {@value #MAX_CHARS} characters). */
    static String head(Element e) {
        StringBuilder text = new StringBuilder();
        int[] visited = {0};
        NodeTraversor.filter((node, depth) -> {
            if (++visited[0] > MAX_NODES) {
                return NodeFilter.FilterResult.STOP;
            }
            if (node instanceof TextNode t) {
                String whole = t.getWholeText();
                text.append(whole, 0, Math.max(0, Math.min(whole.length(), MAX_CHARS + 1 - text.length())));
            } else if (node instanceof Element el && el.normalName().equals("br") && !text.toString().isBlank()) {
                return NodeFilter.FilterResult.STOP;
            }
            return text.length() >= MAX_CHARS ? NodeFilter.FilterResult.STOP : NodeFilter.FilterResult.CONTINUE;
        }, e);
        String head = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text.toString();
        return head.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    }

    /** Whether the element opens with a forward line: "---------- Forwarded message ---------", "Begin forwarded message:". */
    static boolean opensAForward(Element e) {
        String head = head(e);
        for (int cut = head.length(); cut > 0; cut = head.lastIndexOf(' ', cut - 1)) {
            if (Separators.kind(head.substring(0, cut)) == Separators.Kind.FORWARD) {
                return true;
            }
        }
        return false;
    }
}
