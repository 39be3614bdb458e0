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
 * rules. One iterative walk; the quote prefix is one {@code >} at any depth, so deep nesting stays linear.
 */
final class HtmlLayout implements NodeVisitor {

    private static final Set<String> BLOCKS = Set.of("div", "p", "li", "tr", "table", "tbody", "h1", "h2", "h3",
            "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "hr", "section", "article", "header", "footer",
            "address", "center", "dl", "dt", "dd", "figure", "form", "main", "nav", "aside");
    private static final int MAX_INDENT = 8;

    private final StringBuilder out = new StringBuilder();
    private final Set<Element> quotes = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Deque<int[]> lists = new ArrayDeque<>();
    private int quoteDepth;
    private int preDepth;
    private boolean lineHasText;
    /** Collapsible white space was seen since the last word: one space goes before the next one. */
    private boolean space;

    static String of(Element body) {
        HtmlLayout layout = new HtmlLayout();
        NodeTraversor.traverse(layout, body);
        return layout.text();
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
            text(text.getWholeText());
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
            case "br" -> breakLine(true);
            case "img" -> image(e);
            case "td", "th" -> cell(e);
            case "p" -> paragraph(e);
            case "blockquote" -> quote(e);
            case "pre" -> {
                preDepth++;
                breakLine(false);
            }
            case "ul", "ol" -> {
                breakLine(false);
                lists.push(new int[] {name.equals("ol") ? 1 : 0});
            }
            case "li" -> item();
            default -> {
                if (BLOCKS.contains(name)) {
                    breakLine(false);
                }
            }
        }
    }

    private void close(Element e, String name) {
        switch (name) {
            case "p" -> {
                breakLine(false);
                if (!tight(e)) {
                    blankLine();
                }
            }
            case "blockquote" -> {
                breakLine(false);
                if (quotes.remove(e)) {
                    quoteDepth--;
                }
            }
            case "pre" -> {
                breakLine(false);
                preDepth--;
            }
            case "ul", "ol" -> {
                breakLine(false);
                lists.poll();
            }
            default -> {
                if (BLOCKS.contains(name)) {
                    breakLine(false);
                }
            }
        }
    }

    private void text(String raw) {
        if (preDepth > 0) {
            String[] parts = raw.split("\r?\n", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    breakLine(true);
                }
                append(parts[i].replace('\u00A0', ' '));
            }
            return;
        }
        StringBuilder words = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                if (words.isEmpty()) {
                    space = true;
                } else {
                    append(words.toString());
                    words.setLength(0);
                    space = true;
                }
                continue;
            }
            words.append(c == '\u00A0' ? ' ' : c);
        }
        append(words.toString());
    }

    private void image(Element img) {
        String alt = img.attr("alt");
        if (!alt.isEmpty() && alt.length() <= 16 && alt.codePoints().noneMatch(Character::isLetterOrDigit)) {
            append(alt);
        }
    }

    private void cell(Element cell) {
        if (cell.elementSiblingIndex() > 0 && lineHasText) {
            append(" ");
        }
    }

    private void paragraph(Element p) {
        breakLine(false);
        if (!tight(p) && !out.isEmpty()) {
            blankLine();
        }
    }

    /** Outlook's MsoNormal paragraphs and those styled without margins are lines, not paragraphs. */
    private static boolean tight(Element p) {
        String style = p.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
        return p.hasClass("MsoNormal") || p.hasClass("MsoPlainText") || style.contains("margin:0")
                || style.contains("margin-bottom:0");
    }

    private void quote(Element blockquote) {
        breakLine(false);
        if (quoteDepth > 0 || !ElementText.opensAForward(blockquote)) {
            quotes.add(blockquote);
            quoteDepth++;
        }
    }

    private void item() {
        breakLine(false);
        int[] list = lists.peek();
        String indent = "  ".repeat(Math.min(MAX_INDENT, Math.max(0, lists.size() - 1)));
        append(indent + (list == null || list[0] == 0 ? "- " : list[0]++ + ". "));
    }

    /** Writes text on the current line, after the one space collapsed white space before it stands for. */
    private void append(String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!lineHasText && quoteDepth > 0) {
            out.append("> ");
        } else if (lineHasText && space) {
            out.append(' ');
        }
        space = false;
        out.append(text);
        lineHasText = true;
    }

    /** Ends the line; an explicit break on an empty line makes an empty line, a block boundary does not. */
    private void breakLine(boolean explicit) {
        space = false;
        if (lineHasText) {
            out.append('\n');
            lineHasText = false;
        } else if (explicit) {
            out.append(quoteDepth > 0 ? ">\n" : "\n");
        }
    }

    private void blankLine() {
        if (!out.isEmpty() && !(out.length() >= 2 && out.charAt(out.length() - 2) == '\n'
                && out.charAt(out.length() - 1) == '\n')) {
            out.append(quoteDepth > 0 ? ">\n" : "\n");
        }
    }

    /** The laid-out lines without trailing spaces, and without blank lines around the whole. */
    private String text() {
        breakLine(false);
        StringBuilder clean = new StringBuilder(out.length());
        int start = 0;
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) == '\n') {
                int end = i;
                while (end > start && Character.isWhitespace(out.charAt(end - 1))) {
                    end--;
                }
                clean.append(out, start, end).append('\n');
                start = i + 1;
            }
        }
        return clean.toString().strip();
    }
}
