package ticketdesk.mail.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * Cuts the quoted history out of an HTML body where its client marks it: containers that hold the
 * whole quote are removed (Gmail, Yahoo, ProtonMail, Zoho, Thunderbird's attribution), and from the
 * first header that starts the quoted mail (Outlook on the web, desktop and mobile, Outlook for Mac,
 * Zimbra) everything to the end goes. Signature blocks are removed too. A container whose first words
 * are a forward line ("---------- Forwarded message ---------") is kept: a forward stays whole. Plain
 * {@code blockquote}s (Apple Mail, Thunderbird, Yandex) are left to {@link HtmlLayout}, which quotes
 * their lines with {@code >} so answers written between them stay. Every walk is iterative.
 */
final class ClientMarkers {

    /** Each holds a whole quote or signature. */
    private static final Evaluator CONTAINERS = QueryParser.parse(String.join(", ", List.of(
            "div.gmail_quote", "div.gmail_quote_container", "div.yahoo_quoted", "div[id^=yahoo_quoted]",
            "div.protonmail_quote", "div.zmail_extra", "div.zmail_extra_hr", "div.moz-cite-prefix",
            ".gmail_signature", ".gmail_signature_prefix", ".protonmail_signature_block", ".moz-signature",
            "#ms-outlook-mobile-signature", "#AppleMailSignature", "#ymail_android_signature", "div#Signature",
            "div#x_Signature")));
    /** Each starts the quoted mail; what follows it belongs to the quote as well. */
    private static final Evaluator STARTS = QueryParser.parse(String.join(", ", List.of(
            "#appendonsend", "#divRplyFwdMsg", "#x_appendonsend", "#x_divRplyFwdMsg", "div.OutlookMessageHeader",
            "#OLK_SRC_BODY_SECTION", "#mail-editor-reference-message-container", "hr#zwchr",
            "[data-marker=__DIVIDER__]", "[data-marker=__HEADERS__]", "[data-marker=__QUOTED_TEXT__]")));
    private ClientMarkers() {
    }

    static void cut(Element body) {
        for (Element container : outermost(body)) {
            if (ElementText.opensAForward(container)) {
                container.unwrap();
            } else {
                container.remove();
            }
        }
        Element start = firstStart(body);
        if (start != null) {
            removeFrom(start);
        }
    }

    private static List<Element> outermost(Element body) {
        List<Element> found = new ArrayList<>();
        NodeTraversor.filter((node, depth) -> {
            if (node instanceof Element e && e != body && CONTAINERS.matches(body, e)) {
                found.add(e);
                return NodeFilter.FilterResult.SKIP_ENTIRELY;
            }
            return NodeFilter.FilterResult.CONTINUE;
        }, body);
        return found;
    }

    /** The first element that starts a quoted mail outside any blockquote (there it is part of a quote). */
    private static Element firstStart(Element body) {
        Element[] first = new Element[1];
        NodeTraversor.filter((node, depth) -> {
            if (!(node instanceof Element e)) {
                return NodeFilter.FilterResult.CONTINUE;
            }
            if (e.normalName().equals("blockquote")) {
                return NodeFilter.FilterResult.SKIP_ENTIRELY;
            }
            if (e != body && (STARTS.matches(body, e) || outlookHeader(e))) {
                first[0] = e;
                return NodeFilter.FilterResult.STOP;
            }
            return NodeFilter.FilterResult.CONTINUE;
        }, body);
        return first[0];
    }

    /** Outlook desktop's header: a div with a solid top border whose text begins with a header field. */
    private static boolean outlookHeader(Element e) {
        if (!e.normalName().equals("div") || !e.hasAttr("style")) {
            return false;
        }
        String style = e.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
        if (!style.contains("border-top:solid") && !style.contains("border-top:1pxsolid")) {
            return false;
        }
        return HeaderBlock.role(ElementText.head(e)) != null;
    }

    /** Removes the element and everything after it in document order, climbing to the body. */
    private static void removeFrom(Element start) {
        Element current = start;
        while (current.parent() != null && !current.normalName().equals("body")) {
            Element parent = current.parent();
            List<Node> siblings = parent.childNodes();
            for (int i = siblings.size() - 1; i > current.siblingIndex(); i--) {
                siblings.get(i).remove();
            }
            if (current == start) {
                current.remove();
            }
            current = parent;
        }
    }
}
