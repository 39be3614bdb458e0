package ticketdesk.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.audit.Actor;
import ticketdesk.core.testing.DatabaseTest;

/** Issue 14: what admins do to accounts, and every sign-in, is in the user's history with actor and address. */
@MicronautTest(transactional = false)
class AuditingAccountsTest extends DatabaseTest {

    @Inject ManagingUsers managing;
    @Inject DeactivatingUser deactivating;
    @Inject SignIns signIns;
    @Inject ResettingPassword resetting;

    User ada;
    Actor byAda;

    @BeforeEach
    void anAdmin() {
        ada = world.admin("Ada");
        byAda = new Actor(ada.id(), Channel.WEB, "198.51.100.4");
    }

    @Test
    void aUserCreatedByAnAdminIsRecordedWithTheAdminTheirAddressAndTheSlackLinkInTheirName() {
        User rita = ((UserResult.Saved) managing.create(new NewUser("Rita", "rita@example.com", null, Role.RESPONDER,
                null, null, "U0RITA", null), byAda)).user();

        assertThat(events(rita)).containsExactly(
                "user_created|" + ada.id() + "|null|null|Rita <rita@example.com>, responder|web|198.51.100.4",
                "identity_linked|" + ada.id() + "|slack|null|U0RITA|web|null");
    }

    @Test
    void anEditIsOneEventPerChangedFieldWithOldAndNewAndAPasswordIsNeverWrittenDown() {
        User sam = world.employee("Sam");

        managing.update(new UserChanges(sam.id(), "Sam Smith", sam.email(), "+1 415 555 2671", Role.ADMIN, "IT",
                null, null), "a long enough new password", byAda);

        assertThat(events(sam)).containsExactly("user_created|null|null|null|Sam <" + sam.email() + ">, employee"
                        + "|system|null",
                "user_changed|" + ada.id() + "|display_name|Sam|Sam Smith|web|198.51.100.4",
                "user_changed|" + ada.id() + "|phone_e164|null|+14155552671|web|198.51.100.4",
                "role_changed|" + ada.id() + "|role|employee|admin|web|198.51.100.4",
                "user_changed|" + ada.id() + "|profession|null|IT|web|198.51.100.4",
                "password_changed|" + ada.id() + "|null|null|null|web|198.51.100.4");
    }

    @Test
    void deactivationAndReactivationAreRecordedOnceEach() {
        User tom = world.responder("Tom");

        deactivating.deactivate(tom.id(), byAda);
        deactivating.deactivate(tom.id(), byAda);
        deactivating.reactivate(tom.id(), byAda);
        deactivating.reactivate(tom.id(), byAda);

        assertThat(events(tom)).containsExactly("user_created|null|null|null|Tom <" + tom.email() + ">, responder"
                        + "|system|null",
                "deactivated|" + ada.id() + "|null|null|null|web|198.51.100.4",
                "reactivated|" + ada.id() + "|null|null|null|web|198.51.100.4");
    }

    @Test
    void signInsAndFailedSignInsOnAnAccountAreRecordedWithTheClientsAddress() {
        signIns.failed(" " + ada.email().toUpperCase() + " ", Channel.WEB, "192.0.2.66");
        signIns.succeeded(ada.id(), Channel.WEB, "192.0.2.1");

        assertThat(signIns.failed("nobody@example.com", Channel.WEB, "192.0.2.66")).isFalse();
        assertThat(events(ada)).endsWith("sign_in_failed|null|null|null|null|web|192.0.2.66",
                "signed_in|" + ada.id() + "|null|null|null|web|192.0.2.1");
    }

    @Test
    void anOperatorsPasswordResetIsRecordedAsTheSystems() {
        resetting.reset(ada.email(), null);

        assertThat(events(ada)).last().isEqualTo("password_changed|null|null|null|null|system|null");
    }

    @Test
    void changesListsTheFieldsThatDifferInTableOrder() {
        var now = java.time.LocalDateTime.now();
        UserRow before = new UserRow(1L, "A", "a@x.io", null, "employee", "IT", null, true, "h1", now, now);
        UserRow after = new UserRow(1L, "A", "b@x.io", null, "responder", null, "ACME", true, "h1", now, now);

        assertThat(AccountEvents.changes(before, after)).extracting(c -> c.type().db() + ":" + c.field() + ":"
                + c.oldValue() + ":" + c.newValue()).containsExactly("user_changed:email:a@x.io:b@x.io",
                "role_changed:role:employee:responder", "user_changed:profession:IT:null",
                "user_changed:organization:null:ACME");
        assertThat(AccountEvents.changes(before, before)).isEmpty();
    }

    /** The user's events, oldest first: type|actor|field|old|new|channel|address. */
    private List<String> events(User user) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT event_type, actor_id, field,"
                + " old_value, new_value, channel, address FROM user_events WHERE user_id = ? ORDER BY id")) {
            ps.setLong(1, user.id());
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 1; i <= 7; i++) {
                        cells.add(String.valueOf(rs.getString(i)));
                    }
                    lines.add(String.join("|", cells));
                }
            }
            return lines;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
