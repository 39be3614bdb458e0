package ticketdesk.admin.audit;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for the tests: fails on anything a conforming writer would not produce. */
final class CsvReader {

    private CsvReader() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        boolean afterQuote = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    afterQuote = true;
                } else {
                    cell.append(c);
                }
                i++;
                continue;
            }
            if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw new IllegalArgumentException("bare CR at " + i);
                }
                row.add(cell.toString());
                rows.add(row);
                row = new ArrayList<>();
                cell.setLength(0);
                afterQuote = false;
                i++;
            } else if (c == '"') {
                if (cell.length() > 0 || afterQuote) {
                    throw new IllegalArgumentException("quote inside an unquoted field at " + i);
                }
                quoted = true;
            } else if (c == '\n') {
                throw new IllegalArgumentException("bare LF at " + i);
            } else {
                if (afterQuote) {
                    throw new IllegalArgumentException("text after a closing quote at " + i);
                }
                cell.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote");
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            throw new IllegalArgumentException("last line does not end in CRLF");
        }
        return rows;
    }
}
