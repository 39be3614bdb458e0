package ticketdesk.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.testing.TestHomeWorkspace;

/** Who a person acting from a chat platform is, and when core links their identity to an account. */
@MicronautTest(transactional = false)
class RecognisingChatUserTest extends DatabaseTest {

    private static final String HOME = "THOME";

    @Inject RecognisingChatUser recognising;
    @Inject TestHomeWorkspace home;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ticketdesk.test.home-workspace", HOME);
    }

    @AfterEach
    void homeIsKnownAgain() {
        home.set(HOME);
    }

    @Test
    void aFirstTimePersonOfTheHomeWorkspaceBecomesAnEmployeeOnceAndTheLinkIsAnEvent() {
        ChatUserResult first = recognising.firstUse(person("U0NEW"), new ChatProfile("New Person", "new@example.com"));
        ChatUserResult again = recognising.firstUse(person("U0NEW"), new ChatProfile("New Person", "new@example.com"));

        assertThat(first).isInstanceOfSatisfying(ChatUserResult.Created.class,
                c -> assertThat(c.user().role()).isEqualTo(Role.EMPLOYEE));
        long id = ((ChatUserResult.Created) first).user().id();
        assertThat(again).isInstanceOfSatisfying(ChatUserResult.Known.class,
                k -> assertThat(k.user().id()).isEqualTo(id));
        assertThat(recognising.recognise(person("U0NEW"))).isInstanceOf(ChatUserResult.Known.class);
        assertThat(db.count("SELECT COUNT(*) FROM users WHERE email = 'new@example.com'")).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM user_events WHERE user_id = ? AND event_type = 'identity_linked'"
                + " AND field = 'slack' AND new_value = 'U0NEW' AND actor_id IS NULL AND channel = 'slack'", id))
                .isEqualTo(1);
    }

    @Test
    void aFirstTimePersonWithAnEmployeesEmailIsLinkedToThatEmployeeAndTheLinkIsAnEvent() {
        User erin = world.employee("Erin");

        ChatUserResult result = recognising.firstUse(person("U0ERIN"), new ChatProfile("Erin E.", erin.email()));

        assertThat(result).isInstanceOfSatisfying(ChatUserResult.Linked.class,
                l -> assertThat(l.user().id()).isEqualTo(erin.id()));
        assertThat(db.count("SELECT COUNT(*) FROM user_identities WHERE platform = 'slack' AND external_id = 'U0ERIN'"
                + " AND user_id = ?", erin.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM user_events WHERE user_id = ? AND event_type = 'identity_linked'"
                + " AND new_value = 'U0ERIN'", erin.id())).isEqualTo(1);
    }

    @Test
    void theEmailOfAResponderOrAnAdminIsNeverLinkedAutomaticallyAndTheAttemptIsRecorded() {
        for (User owner : List.of(world.responder("Rita"), world.admin("Adam"))) {
            long users = db.count("SELECT COUNT(*) FROM users");
            String claimer = "U0CLAIMS" + owner.id();

            ChatUserResult result = recognising.firstUse(person(claimer),
                    new ChatProfile("Not " + owner.displayName(), owner.email().toUpperCase()));

            assertThat(result).isInstanceOfSatisfying(ChatUserResult.Refused.class, r -> assertThat(
                    r.refusal().message()).contains("never linked automatically").contains("admin panel")
                    .contains(claimer));
            assertThat(db.count("SELECT COUNT(*) FROM user_identities WHERE external_id = ?", claimer)).isZero();
            assertThat(db.count("SELECT COUNT(*) FROM users")).isEqualTo(users);
            assertThat(db.count("SELECT COUNT(*) FROM user_events WHERE user_id = ?"
                    + " AND event_type = 'identity_link_refused' AND new_value = ?", owner.id(),
                    claimer + " (workspace " + HOME + ")")).isEqualTo(1);
            assertThat(recognising.recognise(person(claimer))).isInstanceOf(ChatUserResult.Unknown.class);
        }
    }

    @Test
    void aPersonOfAnotherWorkspaceIsRefusedAndNothingIsWritten() {
        User linked = world.user("Lee", Role.ADMIN, "U0LEE");
        long written = written();

        ChatUserResult known = recognising.recognise(new ChatPerson(Platform.SLACK, "U0LEE", "TOTHER"));
        ChatUserResult newcomer = recognising.firstUse(new ChatPerson(Platform.SLACK, "U0OUT", "TOTHER"),
                new ChatProfile("Outsider", "outsider@example.com"));
        ChatUserResult noWorkspace = recognising.firstUse(new ChatPerson(Platform.SLACK, "U0OUT", null),
                new ChatProfile("Outsider", linked.email()));

        assertThat(List.of(known, newcomer, noWorkspace)).allSatisfy(r -> assertThat(r)
                .isInstanceOfSatisfying(ChatUserResult.Refused.class, refused -> assertThat(
                        refused.refusal().message()).contains("not a member of the workspace this ticketdesk serves")));
        assertThat(written()).isEqualTo(written);
    }

    @Test
    void whileTheHomeWorkspaceIsUnknownLinkedPeopleActButNobodyIsSetUp() {
        User kim = world.user("Kim", Role.EMPLOYEE, "U0KIM");
        home.set(null);
        long written = written();

        ChatUserResult known = recognising.recognise(new ChatPerson(Platform.SLACK, "U0KIM", "TANY"));
        ChatUserResult newcomer = recognising.firstUse(new ChatPerson(Platform.SLACK, "U0NOBODY", "TANY"),
                new ChatProfile("Nobody", "nobody@example.com"));

        assertThat(known).isInstanceOfSatisfying(ChatUserResult.Known.class,
                k -> assertThat(k.user().id()).isEqualTo(kim.id()));
        assertThat(newcomer).isInstanceOfSatisfying(ChatUserResult.Refused.class,
                r -> assertThat(r.refusal().message()).contains("try again"));
        assertThat(written()).isEqualTo(written);
    }

    @Test
    void twoFirstActionsOfTheSamePersonAtOnceMakeOneUserAndOneLink() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<ChatUserResult>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> recognising.firstUse(person("U0RACE"), new ChatProfile("Racer", "racer@example.com")));
        }
        Set<Long> ids = new HashSet<>();
        for (Future<ChatUserResult> f : pool.invokeAll(calls)) {
            ChatUserResult result = f.get();
            ids.add(result instanceof ChatUserResult.Created c ? c.user().id()
                    : ((ChatUserResult.Known) result).user().id());
        }
        pool.shutdown();

        assertThat(ids).hasSize(1);
        assertThat(db.count("SELECT COUNT(*) FROM users WHERE email = 'racer@example.com'")).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM user_events WHERE new_value = 'U0RACE'")).isEqualTo(1);
    }

    private static ChatPerson person(String externalId) {
        return new ChatPerson(Platform.SLACK, externalId, HOME);
    }

    private long written() {
        return db.count("SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM user_identities)"
                + " + (SELECT COUNT(*) FROM user_events)");
    }
}
