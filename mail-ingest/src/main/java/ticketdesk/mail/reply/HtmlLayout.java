package ticketdesk.mail.reply;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Lays an HTML body out as the text a reader sees: blocks on their own lines, paragraphs apart, line
 * breaks and empty lines where the writer made them, bullets and numbers for list items, emoji images as
 * their emoji, and the lines of a blockquote (other than a forward) quoted with {@code >} for the text
 * rules. One iterative walk, so deep nesting costs no stack.
 */
final class HtmlLayout implements NodeVisitor {

    private static final Set<String> BLOCKS = Set.of("div", "p", "li", "tr", "table", "tbody", "h1", "h2", "h3",
            "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "hr", "section", "article", "header", "footer",
            "address", "center", "dl", "dt", "dd", "figure", "form", "main", "nav", "aside");
    private static final int MAX_INDENT = 8;
    /** Gmail writes an emoji as an image with the emoji as its alt text; longer alt text describes a picture. */
    private static final int MAX_EMOJI_ALT = 16;

    private final TextLines out = new TextLines();
    private final Set<Element> quotes = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Deque<int[]> lists = new ArrayDeque<>();
    private int preDepth;

    static String of(Element body) {
        HtmlLayout layout = new HtmlLayout();
        NodeTraversor.traverse(layout, body);
        return layout.out.text();
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode text && preDepth > 0) {
            out.preformatted(text.getWholeText());
        } else if (node instanceof TextNode text) {
            out.words(text.getWholeText());
        } else if (node instanceof Element e) {
            open(e, e.normalName());
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element e) {
            close(e, e.normalName());
        }
    }

    private void open(Element e, String name) {
        switch (name) {
            case "br" -> out.breakLine(true);
            case "img" -> image(e);
            case "td", "th" -> {
                if (e.elementSiblingIndex() > 0 && out.lineHasText()) {
                    out.append(" ");
                }
            }
            case "p" -> paragraph(e);
            case "blockquote" -> quote(e);
            case "pre" -> {
                preDepth++;
                out.breakLine(false);
            }
            case "ul", "ol" -> {
                out.breakLine(false);
                lists.push(new int[] {name.equals("ol") ? 1 : 0});
            }
            case "li" -> item();
            default -> block(name);
        }
    }

    private void close(Element e, String name) {
        switch (name) {
            case "p" -> paragraph(e);
            case "blockquote" -> {
                out.breakLine(false);
                if (quotes.remove(e)) {
                    out.quoteOut();
                }
            }
            case "pre" -> {
                out.breakLine(false);
                preDepth--;
            }
            case "ul", "ol" -> {
                out.breakLine(false);
                lists.poll();
            }
            default -> block(name);
        }
    }

    private void block(String name) {
        if (BLOCKS.contains(name)) {
            out.breakLine(false);
        }
    }

    private void image(Element img) {
        String alt = img.attr("alt");
        if (!alt.isEmpty() && alt.length() <= MAX_EMOJI_ALT && alt.codePoints().noneMatch(Character::isLetterOrDigit)) {
            out.append(alt);
        }
    }

    /** A paragraph stands apart from what is around it, unless it is one of Outlook's line paragraphs. */
    private void paragraph(Element p) {
        if (tight(p) || out.isEmpty()) {
            out.breakLine(false);
        } else {
            out.blankLine();
        }
    }

    /** Outlook's MsoNormal paragraphs and those styled without margins are lines, not paragraphs. */
    private static boolean tight(Element p) {
        String style = p.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
        return p.hasClass("MsoNormal") || p.hasClass("MsoPlainText") || style.contains("margin:0")
                || style.contains("margin-bottom:0");
    }

    /** A blockquote's lines are quoted, unless it opens a forward (Apple Mail puts forwards in one). */
    private void quote(Element blockquote) {
        out.breakLine(false);
        if (out.quoting() || !ElementText.opensAForward(blockquote)) {
            quotes.add(blockquote);
            out.quoteIn();
        }
    }

    private void item() {
        out.breakLine(false);
        int[] list = lists.peek();
        String indent = "  ".repeat(Math.min(MAX_INDENT, Math.max(0, lists.size() - 1)));
        out.append(indent + (list == null || list[0] == 0 ? "- " : list[0]++ + ". "));
    }
}
