package ticketdesk.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.ticket.Ticket;

@MicronautTest(transactional = false)
class ManagingUsersTest extends DatabaseTest {

    @Inject ManagingUsers managing;
    @Inject UserDirectory directory;
    @Inject Passwords passwords;

    @Test
    void aPhoneNumberIsStoredInE164() {
        UserResult result = managing.create(new NewUser("Alice", "alice@example.com", "+1 (415) 555-2671",
                Role.RESPONDER, "IT", "ACME", "U0ALICE", null));

        assertThat(result).isInstanceOfSatisfying(UserResult.Saved.class,
                s -> assertThat(s.user().phoneE164()).isEqualTo("+14155552671"));
        assertThat(directory.byIdentity(Platform.SLACK, "U0ALICE")).map(User::displayName).contains("Alice");
    }

    @Test
    void somethingThatIsNotAPhoneNumberGetsAClearMessageAndNoUser() {
        UserResult result = managing.create(new NewUser("Bob", "bob@example.com", "12", Role.EMPLOYEE, null, null,
                null, null));
        assertThat(result).isInstanceOfSatisfying(UserResult.Refused.class,
                r -> assertThat(r.refusal().message()).contains("'12' is not a valid phone number"));
        assertThat(directory.byEmail("bob@example.com")).isEmpty();
    }

    @Test
    void emailsAreUniqueWhateverTheirCase() {
        managing.create(NewUser.of("Carol", "carol@example.com", Role.EMPLOYEE));
        assertThat(managing.create(NewUser.of("Carol 2", "CAROL@example.com", Role.EMPLOYEE)))
                .isInstanceOfSatisfying(UserResult.Refused.class,
                        r -> assertThat(r.refusal().message()).contains("already has the email"));
    }

    @Test
    void twelveAdminsSavingTheSameEmailAtOnceMakeOneUserAndElevenClearRefusals() throws Exception {
        ExecutorService admins = Executors.newFixedThreadPool(12);
        List<Future<UserResult>> saves = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            saves.add(admins.submit(() -> managing.create(new NewUser("Twin", "twin@example.com", null,
                    Role.EMPLOYEE, null, null, null, null))));
        }
        List<UserResult> results = new ArrayList<>();
        for (Future<UserResult> save : saves) {
            results.add(save.get(30, TimeUnit.SECONDS));
        }
        admins.shutdown();

        assertThat(results).filteredOn(UserResult.Saved.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(UserResult.Refused.class::isInstance).hasSize(11)
                .allSatisfy(r -> assertThat(((UserResult.Refused) r).refusal().message())
                        .contains("another user already has the email twin@example.com"));
        assertThat(db.count("SELECT COUNT(*) FROM users WHERE email = 'twin@example.com'")).isOne();
    }

    @Test
    void anEditReplacesTheFieldsAndRelinksTheSlackId() {
        User dave = ((UserResult.Saved) managing.create(NewUser.of("Dave", "dave@example.com", Role.EMPLOYEE))).user();
        UserResult edited = managing.update(new UserChanges(dave.id(), "Dave D.", "dave@example.com", "+44 20 7946 0958",
                Role.RESPONDER, "Support", null, "U0DAVE"));
        assertThat(edited).isInstanceOfSatisfying(UserResult.Saved.class, s -> {
            assertThat(s.user().role()).isEqualTo(Role.RESPONDER);
            assertThat(s.user().phoneE164()).isEqualTo("+442079460958");
        });
        assertThat(directory.identityOf(dave.id(), Platform.SLACK)).contains("U0DAVE");
    }

    @Test
    void anAdminsChangeOfAChatIdentityIsRecordedAsAnUnlinkAndALinkInTheirName() {
        User root = directory.activeWithRole(Role.ADMIN).get(0);
        User fay = world.user("Fay", Role.EMPLOYEE, "U0FAY");

        managing.update(new UserChanges(fay.id(), "Fay", fay.email(), null, Role.EMPLOYEE, null, null, "U0FAY2"), null,
                root.id(), Channel.WEB);
        managing.update(new UserChanges(fay.id(), "Fay F.", fay.email(), null, Role.EMPLOYEE, null, null, "U0FAY2"),
                null, root.id(), Channel.WEB);

        assertThat(db.count("SELECT COUNT(*) FROM user_events WHERE user_id = ? AND event_type = 'identity_linked'"
                + " AND new_value = 'U0FAY' AND actor_id IS NULL", fay.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM user_events WHERE user_id = ? AND event_type = 'identity_unlinked'"
                + " AND field = 'slack' AND old_value = 'U0FAY' AND actor_id = ? AND channel = 'web'", fay.id(),
                root.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM user_events WHERE user_id = ? AND event_type = 'identity_linked'"
                + " AND new_value = 'U0FAY2' AND actor_id = ? AND channel = 'web'", fay.id(), root.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM user_events WHERE user_id = ? AND event_type LIKE 'identity%'",
                fay.id())).as("an edit that keeps the identity records nothing about it").isEqualTo(3);
    }

    @Test
    void theLastActiveAdminCannotDemoteThemselves() {
        User only = directory.activeWithRole(Role.ADMIN).stream().findFirst().orElseThrow();
        UserResult result = managing.update(new UserChanges(only.id(), only.displayName(), only.email(), null,
                Role.EMPLOYEE, null, null, null));
        assertThat(result).isInstanceOfSatisfying(UserResult.Refused.class,
                r -> assertThat(r.refusal().message()).contains("last active admin"));
        assertThat(db.count("SELECT COUNT(*) FROM users WHERE role = 'admin' AND is_active = TRUE")).isEqualTo(1);
    }

    @Test
    void anEditWithANewPasswordSavesBothOrNeither() {
        User erin = ((UserResult.Saved) managing.create(NewUser.of("Erin", "erin@example.com", Role.RESPONDER))).user();
        UserResult refused = managing.update(new UserChanges(erin.id(), "Erin", "erin@example.com", "12", Role.RESPONDER,
                null, null, null), "new-secret-1", null, Channel.SYSTEM);
        assertThat(refused).isInstanceOf(UserResult.Refused.class);
        assertThat(directory.passwordHashOf(erin.id())).isEmpty();

        managing.update(new UserChanges(erin.id(), "Erin E.", "erin@example.com", null, Role.RESPONDER, null, null, null),
                "new-secret-1", null, Channel.SYSTEM);
        assertThat(passwords.verify("new-secret-1", directory.passwordHashOf(erin.id()).orElseThrow())).isTrue();
        assertThat(directory.byId(erin.id()).orElseThrow().displayName()).isEqualTo("Erin E.");
    }

    @Test
    void anEditThatFailsHalfwayKeepsTheOldNameAndTheOldPassword() throws Exception {
        User erin = ((UserResult.Saved) managing.create(new NewUser("Erin", "erin.halfway@example.com", null, Role.RESPONDER,
                null, null, null, "old-secret-1"))).user();
        try (Connection c = db.connect(); var s = c.createStatement()) {
            s.execute("CREATE TRIGGER identities_break BEFORE INSERT ON user_identities FOR EACH ROW"
                    + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'disk full'");
        }
        try {
            assertThatThrownBy(() -> managing.update(new UserChanges(erin.id(), "Erin E.", "erin.halfway@example.com",
                    null, Role.RESPONDER, null, null, "U0ERIN"), "new-secret-1", null, Channel.SYSTEM))
                    .hasStackTraceContaining("disk full");
        } finally {
            try (Connection c = db.connect(); var s = c.createStatement()) {
                s.execute("DROP TRIGGER IF EXISTS identities_break");
            }
        }

        assertThat(directory.byId(erin.id()).orElseThrow().displayName()).isEqualTo("Erin");
        assertThat(passwords.verify("old-secret-1", directory.passwordHashOf(erin.id()).orElseThrow())).isTrue();
        assertThat(directory.identityOf(erin.id(), Platform.SLACK)).isEmpty();
    }

    @Test
    void passwordsAreArgon2idHashesThatVerify() {
        String hash = passwords.hash("correct horse");
        assertThat(hash).startsWith("$argon2id$v=19$");
        assertThat(passwords.verify("correct horse", hash)).isTrue();
        assertThat(passwords.verify("wrong horse", hash)).isFalse();
        assertThat(passwords.verify("correct horse", "garbage")).isFalse();
    }

    @Test
    void aResponderMadeAnEmployeeGivesTheTicketsTheyHeldBackToThePoolInTheAdminsName() {
        User root = world.admin("Root");
        User bob = world.employee("Bob");
        User alice = world.responder("Alice");
        Ticket held = world.claimedTicket(bob, alice);

        UserResult result = managing.update(new UserChanges(alice.id(), alice.displayName(), alice.email(), null,
                Role.EMPLOYEE, null, null, null), null, root.id(), Channel.WEB);

        assertThat(result).isInstanceOf(UserResult.Saved.class);
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'pending'"
                + " AND responder_id IS NULL", held.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'returned_to_pool'"
                + " AND old_value = ? AND actor_id = ? AND channel = 'web'", held.id(), Long.toString(alice.id()),
                root.id())).isEqualTo(1);
    }
}
