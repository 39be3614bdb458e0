package ticketdesk.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void plainCellsStayAsTheyAre() {
        assertThat(Csv.line(List.of("42", "printer broken", "slack"))).isEqualTo("42,printer broken,slack\r\n");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(Csv.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasGetALeadingApostrophe() {
        assertThat(Csv.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(Csv.cell("+33 1 23")).isEqualTo("'+33 1 23");
        assertThat(Csv.cell("-2")).isEqualTo("'-2");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
        assertThat(Csv.cell("=HYPERLINK(\"u\",\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"u\"\",\"\"x\"\")\"");
        assertThat(Csv.cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void missingValuesAreEmptyCells() {
        assertThat(Csv.line(Arrays.asList("1", null, ""))).isEqualTo("1,,\r\n");
    }

    @Test
    void whatTheWriterWritesTheStrictReaderReadsBack() {
        List<String> cells = List.of("=cmd", "a,b", "q\"uote", "multi\r\nline", "plain");
        assertThat(CsvReader.parse(Csv.line(cells)))
                .containsExactly(List.of("'=cmd", "a,b", "q\"uote", "multi\r\nline", "plain"));
    }
}
