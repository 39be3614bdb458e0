package ticketdesk.core.user;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface UserRepository extends CrudRepository<UserRow, Long> {

    Optional<UserRow> findByEmail(String email);

    @Query("SELECT u.* FROM users u JOIN user_identities i ON i.user_id = u.id"
            + " WHERE i.platform = :platform AND i.external_id = :externalId")
    Optional<UserRow> findByIdentity(String platform, String externalId);

    /** The user's row, locked until the transaction ends: a concurrent deactivation waits, or is waited for. */
    @Query("SELECT * FROM users WHERE id = :id FOR UPDATE")
    Optional<UserRow> lockById(long id);

    /** Ends every session of the user: the sessions they hold carry an older generation from now on. */
    @Query("UPDATE users SET session_generation = session_generation + 1 WHERE id = :id")
    int endSessions(long id);

    @Query("SELECT session_generation FROM users WHERE id = :id")
    Optional<Long> findSessionGeneration(long id);

    /** The user, when active and still in this session generation: one read by primary key. */
    @Query("SELECT * FROM users WHERE id = :id AND session_generation = :generation AND is_active = TRUE")
    Optional<UserRow> findInSession(long id, long generation);

    @Query("UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id")
    int updatePasswordHash(long id, String hash, LocalDateTime now);

    /** The user's row, locked until the transaction ends, so a deactivation or role change waits for it. */
    @Query("SELECT * FROM users WHERE email = :email FOR UPDATE")
    Optional<UserRow> lockByEmail(String email);

    @Query("SELECT COUNT(*) FROM users WHERE role = 'admin' AND is_active = TRUE")
    long countActiveAdmins();

    /** Locks the active admins' rows, so two changes that each leave "another admin" serialise. */
    @Query("SELECT id FROM users WHERE role = 'admin' AND is_active = TRUE ORDER BY id FOR UPDATE")
    List<Long> lockActiveAdmins();

    @Query("SELECT * FROM users WHERE role = :role AND is_active = TRUE ORDER BY id")
    List<UserRow> findActiveByRole(String role);

    @Query("SELECT * FROM users u WHERE u.role = :role AND u.is_active = TRUE AND u.email IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM user_identities i WHERE i.user_id = u.id AND i.platform IN (:platforms))"
            + " ORDER BY u.id")
    List<UserRow> findActiveByRoleWithEmailAndNoIdentity(String role, Collection<String> platforms);

    /** Active users of the roles who neither hold the ticket nor declined it, by name. */
    @Query("SELECT u.* FROM users u WHERE u.is_active = TRUE AND u.role IN (:roles)"
            + " AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = :ticketId AND t.responder_id = u.id)"
            + " AND NOT EXISTS (SELECT 1 FROM ticket_responder_log l WHERE l.ticket_id = :ticketId AND l.responder_id = u.id)"
            + " ORDER BY u.display_name, u.id")
    List<UserRow> findFreeToReceive(long ticketId, Collection<String> roles);

    @Query("SELECT platform FROM user_identities WHERE user_id = :userId")
    List<String> findPlatforms(long userId);

    @Query("UPDATE users SET is_active = :active, updated_at = :now WHERE id = :id")
    int updateActive(long id, boolean active, LocalDateTime now);

    @Query("INSERT INTO user_identities (platform, external_id, user_id, created_at)"
            + " VALUES (:platform, :externalId, :userId, :now)")
    void insertIdentity(String platform, String externalId, long userId, LocalDateTime now);

    @Query("DELETE FROM user_identities WHERE user_id = :userId AND platform = :platform")
    int deleteIdentity(long userId, String platform);

    @Query("SELECT external_id FROM user_identities WHERE user_id = :userId AND platform = :platform")
    Optional<String> findExternalId(long userId, String platform);
}
