package ticketdesk.mail.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplyExtractorTest {

    @Test
    void gmailAttributionWrappedOverTwoLinesAndItsQuoteAreDropped() {
        String body = """
                Thanks, it prints again.

                On Mon, Nov 23, 2026 at 10:15 AM ticketdesk <support+t1-u2-abc@ticketdesk.test
                > wrote:

                > Alice wrote:
                > Please restart it.
                """;
        assertThat(ReplyExtractor.extract(body)).isEqualTo("Thanks, it prints again.");
    }

    @Test
    void germanAndFrenchAttributionsEndTheNewText() {
        assertThat(ReplyExtractor.extract("Danke, geht wieder.\n\nAm 23.11.2026 um 10:15 schrieb ticketdesk"
                + " <support@ticketdesk.test>:\n> alt\n")).isEqualTo("Danke, geht wieder.");
        assertThat(ReplyExtractor.extract("Merci, ça marche.\n\nLe lun. 23 nov. 2026 à 10:15, ticketdesk"
                + " <support@ticketdesk.test> a écrit :\n> ancien\n")).isEqualTo("Merci, ça marche.");
    }

    @Test
    void outlookOriginalMessageAndHeaderBlocksAreDropped() {
        assertThat(ReplyExtractor.extract("Error E42 now.\n\n-----Original Message-----\nFrom: ticketdesk\n"
                + "Sent: Monday\nTo: Bob\nSubject: [#1] printer broken\n\nold text\n")).isEqualTo("Error E42 now.");
        assertThat(ReplyExtractor.extract("Error E42 now.\n\n________________________________\n"
                + "From: ticketdesk <support@ticketdesk.test>\nSent: Monday, November 23, 2026 10:15 AM\n"
                + "To: Bob <bob@example.com>\nSubject: [#1] printer broken\n\nold text\n"))
                .isEqualTo("Error E42 now.");
        assertThat(ReplyExtractor.extract("Error E42 now.\n\nVon: ticketdesk <support@ticketdesk.test>\n"
                + "Gesendet: Montag, 23. November 2026 10:15\nAn: Bob\nBetreff: [#1] printer broken\n\nalt\n"))
                .isEqualTo("Error E42 now.");
    }

    @Test
    void signaturesAndMobileFootersAreRemoved() {
        assertThat(ReplyExtractor.extract("New toner is in.\n\n-- \nBob Example\nAccounting, 3rd floor\n"))
                .isEqualTo("New toner is in.");
        assertThat(ReplyExtractor.extract("New toner is in.\n\nSent from my iPhone\n\n> On Nov 23, 2026, at 10:15,"
                + " ticketdesk <support@ticketdesk.test> wrote:\n>\n> old\n")).isEqualTo("New toner is in.");
        assertThat(ReplyExtractor.extract("Läuft.\n\nVon meinem iPhone gesendet\n")).isEqualTo("Läuft.");
    }

    @Test
    void aTextWrittenBelowTheQuoteIsKept() {
        assertThat(ReplyExtractor.extract("On Mon, Nov 23, 2026 at 10:15 AM Alice <a@example.com> wrote:\n"
                + "> Did the restart help?\n\nYes, it did.\n")).isEqualTo("Yes, it did.");
    }

    @Test
    void aPlainMessageIsKeptWhole() {
        assertThat(ReplyExtractor.extract("Line one\nLine two\n\nFrom: the third floor\n"))
                .isEqualTo("Line one\nLine two\n\nFrom: the third floor");
    }

    @Test
    void dutchSpanishAndItalianAttributionsEndTheNewText() {
        assertThat(ReplyExtractor.extract("Bedankt.\n\nOp ma 23 nov. 2026 om 10:15 schreef ticketdesk"
                + " <support@ticketdesk.test>:\n> oud\n")).isEqualTo("Bedankt.");
        assertThat(ReplyExtractor.extract("Gracias.\n\nEl lun, 23 nov 2026 a las 10:15, ticketdesk"
                + " (<support@ticketdesk.test>) escribió:\n> viejo\n")).isEqualTo("Gracias.");
        assertThat(ReplyExtractor.extract("Grazie.\n\nIl giorno lun 23 nov 2026 alle ore 10:15 ticketdesk"
                + " <support@ticketdesk.test> ha scritto:\n> vecchio\n")).isEqualTo("Grazie.");
    }

    @Test
    void aMegabyteLineThatKeepsAlmostBeingAnAttributionIsKeptAsTextUpToTheCap() {
        String hostile = "Am" + " schrieb".repeat(1024 * 1024 / 8);

        // guards only against the quadratic backtracking hanging the build; no timing is asserted
        String text = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> ReplyExtractor.extract("Hello.\n" + hostile));

        assertThat(text).startsWith("Hello.\nAm schrieb schrieb").hasSizeLessThanOrEqualTo(ReplyExtractor.MAX_BODY)
                .hasSizeGreaterThan(ReplyExtractor.MAX_BODY - 10);
    }

    @Test
    void manyLinesThatKeepAlmostBeingAttributionsAreKeptAsText() {
        String line = "Op" + " schreef".repeat(120);
        String body = (line + "\n").repeat(50) + ("Am" + " schrieb".repeat(120) + "\n").repeat(50);

        String text = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ReplyExtractor.extract(body));

        assertThat(text.lines()).hasSize(100).startsWith(line);
    }

    @Test
    void anOutlookHeaderBlockEndsAReplyButAForwardStaysWholeWhenItsSubjectSaysSo() {
        String body = "See below.\n\nFrom: Vendor <v@example.com>\nSent: Monday, March 17, 2025 9:14 AM\n"
                + "To: Bob <b@example.com>\nSubject: Licence\n\nYour licence expires.\n";

        assertThat(ReplyExtractor.extract(body, "RE: Licence")).isEqualTo("See below.");
        assertThat(ReplyExtractor.extract(body, "FW: Licence")).isEqualTo(body.strip());
        assertThat(ReplyExtractor.extract("FYI\n\n---------- Forwarded message ---------\nFrom: a@example.com\n"
                + "\n> kept as forwarded\n", null)).isEqualTo("FYI\n\n---------- Forwarded message ---------\n"
                + "From: a@example.com\n\n> kept as forwarded");
    }

    @Test
    void tripleQuoteLinesAreTextUnlessTheBodyAlsoQuotesAtAShallowerDepth() {
        assertThat(ReplyExtractor.extract(">>> import os\n>>> os.getcwd()\n'/home/bob'\n"))
                .isEqualTo(">>> import os\n>>> os.getcwd()\n'/home/bob'");
        assertThat(ReplyExtractor.extract("Agreed.\n\n> Alice wrote:\n>>> three levels deep\n"))
                .isEqualTo("Agreed.");
    }

    @Test
    void aClosingWithANameGoesOnlyAtTheVeryEndAndNeverTakesTheWholeReply() {
        assertThat(ReplyExtractor.extract("It works.\n\nBest regards,\nDaniel Moore\nFinance | Northwind"))
                .isEqualTo("It works.");
        assertThat(ReplyExtractor.extract("Thanks,\nTom")).isEqualTo("Thanks,\nTom");
        assertThat(ReplyExtractor.extract("Thanks,\nTom\n\nP.S. The scanner too.\n"))
                .isEqualTo("Thanks,\nTom\n\nP.S. The scanner too.");
        assertThat(ReplyExtractor.extract("Can you check?\n\nThanks\nfor the quick help"))
                .isEqualTo("Can you check?\n\nThanks\nfor the quick help");
    }

    @Test
    void twoDashesAboveALongTextAreTextNotASignature() {
        String body = "Checklist:\n--\n" + "step\n".repeat(12) + "Done.";

        assertThat(ReplyExtractor.extract(body)).isEqualTo(body);
        assertThat(ReplyExtractor.extract("Done.\n--\nBob\nIT\n")).isEqualTo("Done.");
    }

    @Test
    void anAttributionOnTheLastLineOfTheReplyIsCutWhereItBegins() {
        assertThat(ReplyExtractor.extract("Works again, thanks! On Mon, Mar 17, 2025 at 9:14 AM Alice"
                + " <alice@example.com> wrote:\n> old\n")).isEqualTo("Works again, thanks!");
    }

    @Test
    void answersBetweenQuotesStayWithOneBlankLineWhereEachQuoteWas() {
        assertThat(ReplyExtractor.extract("> Which model?\nHP 4250.\n\n\n> Since when?\n\nMonday.\n"))
                .isEqualTo("HP 4250.\n\nMonday.");
    }
}
