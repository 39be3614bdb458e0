package ticketdesk.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.testing.DatabaseTest;

/** A user's sessions end, all at once, when they sign out, are deactivated, or their role or password changes. */
@MicronautTest(transactional = false)
class EndingSessionsTest extends DatabaseTest {

    @Inject UserSessions sessions;
    @Inject ManagingUsers managing;
    @Inject DeactivatingUser deactivating;

    User root;
    User ada;
    long adasSession;

    @BeforeEach
    void adaIsSignedIn() {
        root = world.admin("Root");
        ada = world.admin("Ada");
        adasSession = sessions.generationOf(ada.id());
        assertThat(sessions.holderOf(ada.id(), adasSession)).map(User::id).contains(ada.id());
    }

    @Test
    void signingOutEndsEverySessionOfTheUserAndNoOneElses() {
        long rootsSession = sessions.generationOf(root.id());

        sessions.endAll(ada.id());

        assertThat(sessions.holderOf(ada.id(), adasSession)).isEmpty();
        assertThat(sessions.holderOf(root.id(), rootsSession)).isPresent();
        assertThat(sessions.holderOf(ada.id(), sessions.generationOf(ada.id()))).as("a new sign-in").isPresent();
    }

    @Test
    void deactivationEndsTheSessionsAndReactivationDoesNotBringThemBack() {
        deactivating.deactivate(ada.id(), root.id(), Channel.WEB);
        assertThat(sessions.holderOf(ada.id(), adasSession)).isEmpty();

        deactivating.reactivate(ada.id());
        assertThat(sessions.holderOf(ada.id(), adasSession)).isEmpty();
    }

    @Test
    void aRoleChangeEndsTheSessionsEvenWhenTheRoleIsChangedBack() {
        managing.update(changes(ada, Role.RESPONDER), null, root.id(), Channel.WEB);
        managing.update(changes(ada, Role.ADMIN), null, root.id(), Channel.WEB);

        assertThat(sessions.holderOf(ada.id(), adasSession)).isEmpty();
    }

    @Test
    void aNewPasswordEndsTheSessions() {
        managing.update(changes(ada, Role.ADMIN), "a brand new password", root.id(), Channel.WEB);

        assertThat(sessions.holderOf(ada.id(), adasSession)).isEmpty();
    }

    @Test
    void anEditThatKeepsRoleAndPasswordKeepsTheSessions() {
        UserResult result = managing.update(new UserChanges(ada.id(), "Ada Lovelace", ada.email(), "+14155552671",
                Role.ADMIN, "engineer", "ACME", null), null, root.id(), Channel.WEB);

        assertThat(result).isInstanceOf(UserResult.Saved.class);
        assertThat(sessions.holderOf(ada.id(), adasSession)).map(User::displayName).contains("Ada Lovelace");
    }

    @Test
    void aRefusedEditEndsNothing() {
        UserResult result = managing.update(new UserChanges(ada.id(), "Ada", ada.email(), "12", Role.RESPONDER,
                null, null, null), "a brand new password", root.id(), Channel.WEB);

        assertThat(result).isInstanceOf(UserResult.Refused.class);
        assertThat(sessions.holderOf(ada.id(), adasSession)).isPresent();
    }

    @Test
    void aPasswordShorterThanThePolicyIsRefusedAndEndsNothing() {
        UserResult result = managing.update(changes(ada, Role.ADMIN), "short", root.id(), Channel.WEB);

        assertThat(result).isInstanceOfSatisfying(UserResult.Refused.class,
                r -> assertThat(r.refusal().message()).isEqualTo("a password needs at least 8 characters"));
        assertThat(sessions.holderOf(ada.id(), adasSession)).isPresent();
    }

    private static UserChanges changes(User user, Role role) {
        return new UserChanges(user.id(), user.displayName(), user.email(), null, role, null, null, null);
    }
}
