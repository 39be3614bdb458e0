package ticketdesk.mail.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlowedTextTest {

    @Test
    void aSoftWrappedParagraphReadsAsOneLineAgain() {
        String wrapped = "The printer on the third floor jams on every page since the \n"
                + "update this morning.\n\nThanks,\nBob";

        assertThat(FlowedText.unflow(wrapped, false)).isEqualTo(
                "The printer on the third floor jams on every page since the update this morning.\n\nThanks,\nBob");
    }

    @Test
    void delSpDropsTheSpaceThatMarkedTheBreak() {
        assertThat(FlowedText.unflow("日本語の文章がここで折り返 \nされています。", true))
                .isEqualTo("日本語の文章がここで折り返されています。");
    }

    @Test
    void quotedLinesJoinOnlyWithLinesOfTheSameDepth() {
        String text = "Yes, done.\n\n> On Monday you wrote that the VPN \n> drops every hour.\n>> older \n>> text\nok";

        assertThat(FlowedText.unflow(text, false)).isEqualTo(
                "Yes, done.\n\n> On Monday you wrote that the VPN drops every hour.\n>> older text\nok");
    }

    @Test
    void theSignatureSeparatorAndStuffedLinesAreKept() {
        String text = "Regards \n-- \n Bob\n From the desk";

        assertThat(FlowedText.unflow(text, false)).isEqualTo("Regards \n-- \nBob\nFrom the desk");
    }

    @Test
    void textWithoutSoftBreaksIsUnchanged() {
        String text = "line one\nline two\n\n  indented\n- bullet 😀";

        assertThat(FlowedText.unflow(text, false)).isEqualTo("line one\nline two\n\n indented\n- bullet 😀");
    }
}
