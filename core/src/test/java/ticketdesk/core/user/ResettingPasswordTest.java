package ticketdesk.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.Refusal;
import ticketdesk.core.testing.DatabaseTest;

/** The operator's reset of an admin's password: who may be reset, and what a reset ends and lifts. */
@MicronautTest(transactional = false)
class ResettingPasswordTest extends DatabaseTest {

    @Inject ResettingPassword resetting;
    @Inject ManagingUsers managing;
    @Inject UserDirectory directory;
    @Inject UserSessions sessions;
    @Inject Passwords passwords;
    @Inject DeactivatingUser deactivating;
    @Inject LiftedLockouts lifted;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("test.lockouts", "recorded");
    }

    @Test
    void aGeneratedPasswordReplacesTheOldOneEndsTheSessionsAndLiftsTheLockOut() {
        User ada = adminWithPassword("Ada", "the old password");
        long session = sessions.generationOf(ada.id());

        var result = resetting.reset(ada.email().toUpperCase(), null);

        assertThat(result).isInstanceOfSatisfying(ResettingPassword.Result.Reset.class, reset -> {
            assertThat(reset.generated()).isTrue();
            assertThat(reset.password()).hasSizeGreaterThanOrEqualTo(Passwords.MIN_LENGTH);
            assertThat(passwords.verify(reset.password(), hashOf(ada))).isTrue();
        });
        assertThat(passwords.verify("the old password", hashOf(ada))).isFalse();
        assertThat(sessions.holderOf(ada.id(), session)).isEmpty();
        assertThat(lifted.emails).contains(ada.email());
    }

    @Test
    void aChosenPasswordIsSetWhenItMeetsThePolicy() {
        User ada = adminWithPassword("Ada", "the old password");

        var result = resetting.reset(ada.email(), "chosen by the operator");

        assertThat(result).isInstanceOfSatisfying(ResettingPassword.Result.Reset.class,
                reset -> assertThat(reset.generated()).isFalse());
        assertThat(passwords.verify("chosen by the operator", hashOf(ada))).isTrue();
    }

    @Test
    void aChosenPasswordBelowThePolicyIsRefusedAndChangesNothing() {
        User ada = adminWithPassword("Ada", "the old password");
        long session = sessions.generationOf(ada.id());

        var result = resetting.reset(ada.email(), "short");

        assertRefused(result, Refusal.Reason.INVALID_INPUT, "a password needs at least 8 characters");
        assertThat(passwords.verify("the old password", hashOf(ada))).isTrue();
        assertThat(sessions.holderOf(ada.id(), session)).isPresent();
        assertThat(lifted.emails).doesNotContain(ada.email());
    }

    @Test
    void anUnknownEmailIsRefusedByName() {
        assertRefused(resetting.reset("nobody@example.com", null), Refusal.Reason.NOT_FOUND,
                "no user has the email nobody@example.com");
    }

    @Test
    void aDeactivatedAdminIsRefusedAndKeepsNoPassword() {
        User root = world.admin("Root");
        User gone = adminWithPassword("Gone", "the old password");
        deactivating.deactivate(gone.id(), root.id(), Channel.WEB);

        assertRefused(resetting.reset(gone.email(), null), Refusal.Reason.INACTIVE_USER,
                gone.email() + " is deactivated; an admin can reactivate them in the panel, or create a new admin");
        assertThat(passwords.verify("the old password", hashOf(gone))).isTrue();
    }

    @Test
    void someoneWhoIsNotAnAdminIsRefused() {
        User rita = world.responder("Rita");

        assertRefused(resetting.reset(rita.email(), null), Refusal.Reason.WRONG_ROLE,
                rita.email() + " is not an admin (their role is responder); only admins sign in with a password");
        assertThat(directory.passwordHashOf(rita.id())).isEmpty();
    }

    private User adminWithPassword(String name, String password) {
        User admin = world.admin(name);
        managing.setPassword(admin.id(), password);
        return admin;
    }

    private String hashOf(User user) {
        return directory.passwordHashOf(user.id()).orElseThrow();
    }

    private static void assertRefused(ResettingPassword.Result result, Refusal.Reason reason, String message) {
        assertThat(result).isInstanceOfSatisfying(ResettingPassword.Result.Refused.class, refused -> {
            assertThat(refused.refusal().reason()).isEqualTo(reason);
            assertThat(refused.refusal().message()).isEqualTo(message);
        });
    }

    /** Stands for the panel's login throttle, which core does not know. */
    @Singleton
    @Requires(property = "test.lockouts", value = "recorded")
    static class LiftedLockouts implements SignInLockouts {

        final List<String> emails = new CopyOnWriteArrayList<>();

        @Override
        public void lift(String email) {
            emails.add(email);
        }
    }
}
