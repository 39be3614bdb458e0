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
}
