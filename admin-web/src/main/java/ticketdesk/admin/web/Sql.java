package ticketdesk.admin.web;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.List;

/** Small helpers for the panel's read-only queries. */
public final class Sql {

    private Sql() {
    }

    /** A LIKE pattern matching text anywhere, with the user's own % and _ taken literally. */
    public static String contains(String text) {
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** "?,?,?" for an IN list of this many values. */
    public static String marks(int count) {
        return String.join(",", java.util.Collections.nCopies(count, "?"));
    }

    /** How many pages {@code rows} fill at {@code pageSize} a page; at least one, the page an empty list shows. */
    public static long pages(long rows, int pageSize) {
        return Math.max(1, (rows + pageSize - 1) / pageSize);
    }

    public static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    /** Times are UTC DATETIME(6) columns, read without any time-zone shift. */
    public static LocalDateTime time(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }
}
