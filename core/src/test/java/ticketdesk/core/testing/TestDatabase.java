package ticketdesk.core.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh database on the machine's MariaDB/MySQL for one test class, so test runs (and classes)
 * never see each other's rows. The server is {@code -Dticketdesk.test.mysql} (default
 * {@code jdbc:mariadb://127.0.0.1:3306/}, user root, empty password). Dropped when the JVM exits.
 */
public final class TestDatabase {

    public static final String SERVER = System.getProperty("ticketdesk.test.mysql", "jdbc:mariadb://127.0.0.1:3306/");
    public static final String USER = System.getProperty("ticketdesk.test.mysql.user", "root");
    public static final String PASSWORD = System.getProperty("ticketdesk.test.mysql.password", "");

    private final String name;
    private final String url;

    private TestDatabase(String name) {
        this.name = name;
        this.url = SERVER + name;
    }

    public static TestDatabase fresh() {
        String name = "td_test_" + ProcessHandle.current().pid() + "_"
                + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        try (Connection c = DriverManager.getConnection(SERVER, USER,
                PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB/MySQL must answer at " + SERVER
                    + " (start it: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd"
                    + " -- --user=mysql)", e);
        }
        TestDatabase db = new TestDatabase(name);
        Runtime.getRuntime().addShutdownHook(new Thread(db::drop));
        return db;
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    /** Micronaut properties pointing the default datasource (and Flyway) at this database. */
    public Map<String, String> properties() {
        Map<String, String> p = new HashMap<>();
        p.put("datasources.default.url", url);
        p.put("datasources.default.username", USER);
        p.put("datasources.default.password", PASSWORD);
        p.put("datasources.default.driver-class-name", SERVER.startsWith("jdbc:mariadb:") ? "org.mariadb.jdbc.Driver" : "com.mysql.cj.jdbc.Driver");
        p.put("datasources.default.maximum-pool-size", "20");
        p.put("datasources.default.transaction-isolation", "TRANSACTION_READ_COMMITTED");
        p.put("flyway.datasources.default.enabled", "true");
        p.put("ticketdesk.outbox.enabled", "false");
        return p;
    }

    /** Runs one query that returns a single number, for assertions on what the database holds. */
    public long count(String sql, Object... args) {
        try (Connection c = connect(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void drop() {
        try (Connection c = DriverManager.getConnection(SERVER, USER,
                PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException ignored) {
            // the server may already be gone at JVM exit; the name is unique, so nothing is shared
        }
    }
}
