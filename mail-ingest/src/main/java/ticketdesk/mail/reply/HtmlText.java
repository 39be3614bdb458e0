package ticketdesk.mail.reply;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an HTML mail body into plain text with its line structure, leaving out what a reply quotes
 * (Gmail's {@code gmail_quote}, Apple's {@code blockquote type=cite}, Outlook's reply header and what
 * follows it) and anything that is not content (scripts, styles).
 */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5",
            "h6", "blockquote", "pre", "table", "ul", "ol", "hr", "section", "article", "header", "footer");

    private HtmlText() {
    }

    public static String toText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, title, .gmail_quote, blockquote[type=cite], .moz-cite-prefix").remove();
        for (String start : new String[] {"#divRplyFwdMsg", "#appendonsend", "div[id=mail-editor-reference-message-container]"}) {
            for (Element e : doc.select(start)) {
                removeWithFollowing(e);
            }
        }
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText().replace('\u00a0', ' ').replaceAll("[\\r\\n\\t ]+", " "));
                } else if (node instanceof Element e && e.normalName().equals("br")) {
                    out.append('\n');
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    endLine(out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName()) && !e.normalName().equals("br")) {
                    endLine(out);
                    if (e.normalName().equals("p")) {
                        out.append('\n');
                    }
                }
            }
        }, doc.body() == null ? doc : doc.body());
        return out.toString().lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("")
                .replaceAll("\n{3,}", "\n\n").strip();
    }

    private static void endLine(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private static void removeWithFollowing(Element start) {
        Element current = start;
        while (current != null && current.parent() != null) {
            Element parent = current.parent();
            while (current.nextElementSibling() != null) {
                current.nextElementSibling().remove();
            }
            if (current == start) {
                current.remove();
            }
            current = parent.normalName().equals("body") ? null : parent;
        }
    }
}
