package ticketdesk.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Seeds a large history straight into the schema with multi-row INSERTs (constraint checks off for the
 * session): users, tickets spread over a year, and their audit events, about ten per ticket.
 */
final class AuditSeed {

    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final String[] CHANNELS = {"slack", "email", "web", "slack", "slack"};
    /** Event types ticketdesk writes (core EventType): a type it does not know would fail the timeline page. */
    private static final String[] MIDDLE = {"message", "message", "message", "declined", "released", "claimed",
        "message", "declined"};
    private static final int ROWS_PER_INSERT = 2000;

    private final Database db;
    private final SplittableRandom random = new SplittableRandom(42);

    AuditSeed(Database db) {
        this.db = db;
    }

    /** Returns the ids of the seeded tickets: firstTicketId .. firstTicketId + tickets - 1. */
    long seed(int users, int tickets, int events) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET SESSION foreign_key_checks = 0");
            s.execute("SET SESSION unique_checks = 0");
            long firstUser = nextId(s, "users");
            insertUsers(s, users);
            long firstTicket = nextId(s, "tickets");
            LocalDateTime yearAgo = LocalDateTime.now().minusDays(365);
            StringBuilder sql = new StringBuilder();
            int n = 0;
            for (int t = 0; t < tickets; t++) {
                LocalDateTime created = yearAgo.plusSeconds((long) t * 365 * 86400 / tickets);
                if (n == 0) {
                    sql.setLength(0);
                    sql.append("INSERT INTO tickets (id, title, description, priority, category, status, requester_id,"
                            + " responder_id, source, created_at, updated_at, claimed_at, completed_at) VALUES ");
                } else {
                    sql.append(',');
                }
                long requester = firstUser + random.nextInt(users);
                long responder = firstUser + random.nextInt(users);
                sql.append('(').append(firstTicket + t).append(",'seeded ticket ").append(t)
                        .append("','the printer on floor ").append(t % 9).append(" is broken','medium','it','done',")
                        .append(requester).append(',').append(responder).append(",'slack','")
                        .append(SQL_TIME.format(created)).append("','").append(SQL_TIME.format(created.plusHours(5)))
                        .append("','").append(SQL_TIME.format(created.plusMinutes(3))).append("','")
                        .append(SQL_TIME.format(created.plusHours(5))).append("')");
                if (++n == ROWS_PER_INSERT || t == tickets - 1) {
                    s.execute(sql.toString());
                    n = 0;
                }
            }
            insertEvents(s, firstUser, users, firstTicket, tickets, events, yearAgo);
            s.execute("SET SESSION unique_checks = 1");
            s.execute("SET SESSION foreign_key_checks = 1");
            s.execute("ANALYZE TABLE tickets, ticket_events, users");
            return firstTicket;
        }
    }

    private void insertUsers(Statement s, int users) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO users (display_name, email, role, is_active, created_at,"
                + " updated_at) VALUES ");
        String now = SQL_TIME.format(LocalDateTime.now());
        for (int u = 0; u < users; u++) {
            sql.append(u == 0 ? "" : ",").append("('Seeded user ").append(u).append("','seeded").append(u)
                    .append("@bench.example','").append(u % 4 == 0 ? "responder" : "employee").append("',TRUE,'")
                    .append(now).append("','").append(now).append("')");
        }
        s.execute(sql.toString());
    }

    private void insertEvents(Statement s, long firstUser, int users, long firstTicket, int tickets, int events,
                              LocalDateTime yearAgo) throws SQLException {
        int perTicket = events / tickets;
        StringBuilder sql = new StringBuilder();
        int n = 0;
        for (int t = 0; t < tickets; t++) {
            LocalDateTime created = yearAgo.plusSeconds((long) t * 365 * 86400 / tickets);
            for (int e = 0; e < perTicket; e++) {
                String type = e == 0 ? "created" : e == 1 ? "claimed" : e == perTicket - 1 ? "resolved"
                        : MIDDLE[random.nextInt(MIDDLE.length)];
                String from = e == 0 ? "NULL" : e == 1 ? "'pending'" : "'in_process'";
                String to = e == 0 ? "'pending'" : e == perTicket - 1 ? "'done'" : "'in_process'";
                long actor = firstUser + random.nextInt(users);
                if (n == 0) {
                    sql.setLength(0);
                    sql.append("INSERT INTO ticket_events (ticket_id, actor_id, event_type, from_status, to_status,"
                            + " field, old_value, new_value, channel, created_at) VALUES ");
                } else {
                    sql.append(',');
                }
                sql.append('(').append(firstTicket + t).append(',').append(actor).append(",'").append(type)
                        .append("',").append(from).append(',').append(to).append(",NULL,NULL,NULL,'")
                        .append(CHANNELS[random.nextInt(CHANNELS.length)]).append("','")
                        .append(SQL_TIME.format(created.plusMinutes(e * 30L))).append("')");
                if (++n == ROWS_PER_INSERT) {
                    s.execute(sql.toString());
                    n = 0;
                }
            }
        }
        if (n > 0) {
            s.execute(sql.toString());
        }
    }

    private static long nextId(Statement s, String table) throws SQLException {
        try (var rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
