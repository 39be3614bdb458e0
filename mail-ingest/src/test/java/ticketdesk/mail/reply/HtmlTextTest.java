package ticketdesk.mail.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void gmailHtmlBecomesLinesWithoutTheQuote() {
        String html = "<div dir=\"ltr\"><div>Thanks,</div><div>it prints again &amp; fast.</div></div><br>"
                + "<div class=\"gmail_quote\"><div class=\"gmail_attr\">On Mon … wrote:<br></div>"
                + "<blockquote class=\"gmail_quote\">old</blockquote></div>";
        assertThat(HtmlText.toText(html)).isEqualTo("Thanks,\nit prints again & fast.");
    }

    @Test
    void appleCiteIsQuotedForTheTextRulesAndOutlookReplyHeaderIsDropped() {
        String apple = HtmlText.toText("<p>Done.</p><blockquote type=\"cite\">old</blockquote>");
        assertThat(apple).isEqualTo("Done.\n\n> old");
        assertThat(ReplyExtractor.extract(apple)).isEqualTo("Done.");
        assertThat(HtmlText.toText("<div>Done.</div><div id=\"appendonsend\"></div><hr><div id=\"divRplyFwdMsg\">"
                + "<b>From:</b> ticketdesk</div><div>old text</div>")).isEqualTo("Done.");
    }

    @Test
    void scriptsAndStylesAreNotText() {
        assertThat(HtmlText.toText("<html><head><style>p{}</style></head><body><script>x()</script>"
                + "<p>Hello<br>there</p></body></html>")).isEqualTo("Hello\nthere");
    }

    @Test
    void listsParagraphsAndEmptyLinesKeepTheirShape() {
        assertThat(HtmlText.toText("<div>Affected:</div><ul><li>scanner</li><li>printer<ol><li>tray 1</li>"
                + "<li>tray 2</li></ol></li></ul><div><br></div><div><br></div><p>Bye</p>"))
                .isEqualTo("Affected:\n- scanner\n- printer\n  1. tray 1\n  2. tray 2\n\n\nBye");
    }

    @Test
    void hiddenPreviewTextAndSignatureBlocksAreNotTheReply() {
        assertThat(HtmlText.toText("<div style=\"display: none\">preview text</div><div>Fixed.</div>"
                + "<div class=\"gmail_signature\">Bob | IT</div><div id=\"Signature\">Bob Example</div>"))
                .isEqualTo("Fixed.");
    }

    @Test
    void aGmailForwardIsKeptAsTextWhileAGmailQuoteIsCut() {
        assertThat(HtmlText.toText("<div>FYI</div><div class=\"gmail_quote\"><div class=\"gmail_attr\">"
                + "---------- Forwarded message ---------<br>From: a@example.com</div><div>the original</div></div>"))
                .isEqualTo("FYI\n---------- Forwarded message ---------\nFrom: a@example.com\nthe original");
        assertThat(HtmlText.toText("<div>Thanks</div><div class=\"gmail_quote\"><div class=\"gmail_attr\">"
                + "On Mon wrote:</div><blockquote>old</blockquote></div>")).isEqualTo("Thanks");
    }

    @Test
    void quotesNestedFarDeeperThanAnyMailAreFlattenedAndTheirTextKept() {
        String html = "<div>Reply</div>" + "<blockquote type=\"cite\"><div>".repeat(50_000) + "innermost"
                + "</div></blockquote>".repeat(50_000);

        String text = HtmlText.toText(html);

        assertThat(text).startsWith("Reply\n> ").endsWith("> innermost");
        assertThat(ReplyExtractor.extract(text)).isEqualTo("Reply");
    }
}
