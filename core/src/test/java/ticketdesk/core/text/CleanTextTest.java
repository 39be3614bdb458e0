package ticketdesk.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CleanTextTest {

    @Test
    void bidiOverridesAndIsolatesLeaveATitleWithItsVisibleTextInReadingOrder() {
        String spoofed = "invoice \u202Efdp.exe\u202C and \u2066isolated\u2069 \u202Aembedded\u202B\u202D";

        assertThat(CleanText.line(spoofed)).isEqualTo("invoice fdp.exe and isolated embedded");
    }

    @Test
    void nulAndOtherControlCharactersAreRemovedFromATitle() {
        assertThat(CleanText.line("print\u0000er\u0007 \u001Bbroken\u007F\u0085!")).isEqualTo("printer broken !");
    }

    @Test
    void lineBreaksAndTabsInATitleBecomeSpacesSoWordsStayApart() {
        assertThat(CleanText.line("printer\r\nbroken\tagain\u2028today")).isEqualTo("printer broken again today");
    }

    @Test
    void multiLineTextKeepsItsLineBreaksAndTabsAsNewlines() {
        assertThat(CleanText.lines("first\r\nsecond\rthird\n\tindented\u0000\u202E"))
                .isEqualTo("first\nsecond\nthird\n\tindented");
    }

    @Test
    void everyVisibleCharacterIsKeptIncludingRightToLeftScriptsAndEmoji() {
        String text = "طابعة معطلة 🖨️ naïve 日本語 \u200F";

        assertThat(CleanText.line(text)).isEqualTo(text);
        assertThat(CleanText.lines(text)).isEqualTo(text);
    }

    @Test
    void nullStaysNull() {
        assertThat(CleanText.line(null)).isNull();
        assertThat(CleanText.lines(null)).isNull();
    }

    @Test
    void aCutNeverSplitsAnEmoji() {
        assertThat(CleanText.cut("ab😀", 3)).isEqualTo("ab");
        assertThat(CleanText.cut("ab😀", 4)).isEqualTo("ab😀");
        assertThat(CleanText.cut("abc😀", 3)).isEqualTo("abc");
        assertThat(CleanText.cut(null, 3)).isNull();
    }
}
