package ticketdesk.mail.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Turns an HTML mail body into the plain text its reader sees, with the quoted history its client marks
 * cut out of the tree first ({@link ClientMarkers}) and what is not content (scripts, styles, hidden
 * preview text) left out. The text rules of {@link ReplyExtractor} then apply to the result as to any
 * plain body.
 */
public final class HtmlText {

    /** Far more HTML than any reply has; beyond it, the markup of a newsletter or a pasted log is not read. */
    static final int MAX_HTML = 4 * 1024 * 1024;

    private HtmlText() {
    }

    public static String toText(String html) {
        Document doc = Jsoup.parse(HtmlNesting.bounded(Texts.cut(html, MAX_HTML)));
        Element body = doc.body();
        removeNonContent(body);
        ClientMarkers.cut(body);
        return HtmlLayout.of(body);
    }

    private static void removeNonContent(Element body) {
        List<Element> gone = new ArrayList<>();
        NodeTraversor.filter((node, depth) -> {
            if (node instanceof Element e && e != body && !visible(e)) {
                gone.add(e);
                return NodeFilter.FilterResult.SKIP_ENTIRELY;
            }
            return NodeFilter.FilterResult.CONTINUE;
        }, body);
        gone.forEach(Element::remove);
    }

    private static boolean visible(Element e) {
        switch (e.normalName()) {
            case "script", "style", "head", "title", "template", "noscript", "xml", "o:smarttagtype" -> {
                return false;
            }
            default -> {
                if (!e.hasAttr("style")) {
                    return true;
                }
                String style = e.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
                return !style.contains("display:none") && !style.contains("mso-hide:all");
            }
        }
    }
}
