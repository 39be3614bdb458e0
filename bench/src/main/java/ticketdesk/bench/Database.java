package ticketdesk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh database on the machine's MariaDB/MySQL (127.0.0.1:3306, root, empty password unless
 * {@code -Dticketdesk.test.mysql*} say otherwise) for one run, dropped when closed.
 */
public final class Database implements AutoCloseable {

    public static final String SERVER = System.getProperty("ticketdesk.test.mysql", "jdbc:mysql://127.0.0.1:3306/");
    public static final String USER = System.getProperty("ticketdesk.test.mysql.user", "root");
    public static final String PASSWORD = System.getProperty("ticketdesk.test.mysql.password", "");
    private static final String OPTIONS = "?useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=UTC";

    private final String name;
    private final boolean keep;

    private Database(String name, boolean keep) {
        this.name = name;
        this.keep = keep;
    }

    public static Database fresh(String prefix) {
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + Long.toString(System.nanoTime() & 0xffffffL, 36);
        try (Connection c = DriverManager.getConnection(SERVER + OPTIONS, USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB/MySQL must answer at " + SERVER, e);
        }
        return new Database(name, Boolean.getBoolean("bench.keepDatabase"));
    }

    public String name() {
        return name;
    }

    /**
     * The URL the application is given, as DESIGN.md's runtime contract spells it ({@code jdbc:mysql://});
     * {@code -Dbench.appJdbcScheme=mariadb} gives the app MariaDB's own driver instead.
     */
    public String appUrl() {
        String scheme = System.getProperty("bench.appJdbcScheme", "");
        return (scheme.isBlank() ? SERVER : SERVER.replaceFirst("^jdbc:[a-z]+:", "jdbc:" + scheme + ":")) + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + name + OPTIONS + "&rewriteBatchedStatements=true", USER, PASSWORD);
    }

    /** One query answering a single number. */
    public long count(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of every row. */
    public List<Long> longs(String sql, Object... args) {
        List<Long> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return out;
    }

    /** One query answering a single text, or null without a row. */
    public String text(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public int update(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A user with the given role, optionally linked to a Slack user id; returns its id. */
    public long user(String name, String email, String role, String slackUserId) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (Connection c = connect()) {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (display_name, email, role, is_active,"
                    + " created_at, updated_at) VALUES (?, ?, ?, TRUE, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                bind(ps, name, email, role, now, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            if (slackUserId != null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_identities (platform, external_id,"
                        + " user_id, created_at) VALUES ('slack', ?, ?, ?)")) {
                    bind(ps, slackUserId, id, now);
                    ps.executeUpdate();
                }
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    @Override
    public void close() {
        if (keep) {
            return;
        }
        try (Connection c = DriverManager.getConnection(SERVER + OPTIONS, USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException ignored) {
            // the name is unique to this run; a leftover database harms nobody
        }
    }
}
