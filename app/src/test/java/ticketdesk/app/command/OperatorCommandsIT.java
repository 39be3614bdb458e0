package ticketdesk.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ticketdesk.core.testing.TestDatabase;

/**
 * The README's operator commands, run as {@code java -jar app/target/ticketdesk.jar admin …} processes against the
 * MariaDB database a running instance of the same jar uses: what they print signs in to that instance's panel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorCommandsIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String RESET = "admin reset-password: ";

    private final TestDatabase db = TestDatabase.fresh();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private PackagedJar jar;
    private PackagedJar.Service service;

    @BeforeAll
    void startTheService() throws Exception {
        jar = new PackagedJar(Map.of(
                "DATASOURCES_DEFAULT_URL", db.url(),
                "DATASOURCES_DEFAULT_USERNAME", TestDatabase.USER,
                "DATASOURCES_DEFAULT_PASSWORD", TestDatabase.PASSWORD,
                "TICKETDESK_ADMIN_EMAIL", "first@example.com",
                "TICKETDESK_ADMIN_PASSWORD", "the first admin's password",
                "MICRONAUT_SERVER_CLIENT_ADDRESS_HEADER", "X-Forwarded-For",
                "TICKETDESK_ADMIN_LOGIN_MAX_FAILURES_PER_ADDRESS", "2",
                "TICKETDESK_ADMIN_LOGIN_MAX_FAILURES_PER_ACCOUNT", "4"));
        service = jar.service();
    }

    @AfterAll
    void stopTheService() throws Exception {
        if (service != null) {
            service.close();
        }
        db.drop();
    }

    @Test
    void adminCreatePrintsAPasswordOnceThatSignsInToThePanel() throws Exception {
        PackagedJar.Ran created = jar.command(null, "admin", "create", "ops@example.com", "--name", "Ops Desk");

        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.err()).isEmpty();
        assertThat(created.out().lines()).hasSize(2).first().asString()
                .matches("Created admin ops@example\\.com \\(#\\d+, \"Ops Desk\"\\)\\.");
        String password = created.after(OperatorCommands.PASSWORD_LINE);
        assertThat(signIn("ops@example.com", password, "192.0.2.1").statusCode()).isEqualTo(303);
        assertThat(db.count("SELECT COUNT(*) FROM users WHERE email = 'ops@example.com' AND role = 'admin'"
                + " AND is_active = TRUE")).isEqualTo(1);
    }

    @Test
    void resetPasswordEndsTheSessionsLiftsTheLockOutAndOnlyTheNewPasswordSignsIn() throws Exception {
        assertThat(jar.command("lou's first password\n", "admin", "create", "lou@example.com", "--stdin").out())
                .doesNotContain(OperatorCommands.PASSWORD_LINE);
        String session = sessionOf(signIn("lou@example.com", "lou's first password", "192.0.2.10"));
        assertThat(panel(session).statusCode()).isEqualTo(200);
        for (String address : new String[] {"192.0.2.11", "192.0.2.12"}) {
            for (int i = 0; i < 2; i++) {
                assertThat(signIn("lou@example.com", "guess " + i, address).statusCode()).isEqualTo(401);
            }
        }
        assertThat(signIn("lou@example.com", "lou's first password", "192.0.2.13").body())
                .as("the account is locked").contains("even with the right password");

        PackagedJar.Ran reset = jar.command(null, "admin", "reset-password", "lou@example.com");

        assertThat(reset.exit()).as(reset.err()).isZero();
        assertThat(reset.out()).startsWith("Reset the password of admin lou@example.com (#")
                .contains("their sessions have ended and their sign-in lock-out is lifted.");
        String generated = reset.after(OperatorCommands.PASSWORD_LINE);
        assertThat(panel(session).headers().firstValue("Location")).as("the old session").contains("/admin/login");
        assertThat(signIn("lou@example.com", "lou's first password", "192.0.2.14").statusCode()).isEqualTo(401);
        assertThat(signIn("lou@example.com", generated, "192.0.2.15").statusCode()).isEqualTo(303);

        PackagedJar.Ran chosen = jar.command("lou's chosen password\n", "admin", "reset-password",
                "lou@example.com", "--stdin");
        assertThat(chosen.exit()).as(chosen.err()).isZero();
        assertThat(chosen.out()).contains("to the one read from stdin").doesNotContain(OperatorCommands.PASSWORD_LINE);
        assertThat(signIn("lou@example.com", generated, "192.0.2.16").statusCode()).isEqualTo(401);
        assertThat(signIn("lou@example.com", "lou's chosen password", "192.0.2.17").statusCode()).isEqualTo(303);
    }

    @Test
    void resetPasswordRefusesWhatItMayNotResetWithAClearErrorAndANonZeroExit() throws Exception {
        sql("INSERT INTO users (display_name, email, role, is_active, created_at, updated_at) VALUES"
                + " ('Erin', 'erin@example.com', 'employee', TRUE, NOW(6), NOW(6)),"
                + " ('Dora', 'dora@example.com', 'admin', FALSE, NOW(6), NOW(6))");

        assertRefused(jar.command(null, "admin", "reset-password", "nobody@example.com"),
                RESET + "no user has the email nobody@example.com");
        assertRefused(jar.command(null, "admin", "reset-password", "erin@example.com"),
                RESET + "erin@example.com is not an admin (their role is employee); only admins sign in with a"
                        + " password");
        assertRefused(jar.command(null, "admin", "reset-password", "dora@example.com"),
                RESET + "dora@example.com is deactivated; an admin can reactivate them in the panel, or create a"
                        + " new admin");
        assertThat(db.count("SELECT COUNT(*) FROM users WHERE password_hash IS NOT NULL"
                + " AND email IN ('erin@example.com', 'dora@example.com')")).isZero();
    }

    @Test
    void adminCreateRefusesAnEmailAlreadyInUse() throws Exception {
        assertRefused(jar.command(null, "admin", "create", "FIRST@example.com"),
                "admin create: another user already has the email first@example.com");
        assertThat(db.count("SELECT COUNT(*) FROM users WHERE email = 'first@example.com'")).isEqualTo(1);
    }

    @Test
    void tokenCreatePrintsATokenOnceThatCallsTheServicesApiAsThatUser() throws Exception {
        sql("INSERT INTO users (display_name, email, role, is_active, created_at, updated_at) VALUES"
                + " ('Tia Token', 'tia@example.com', 'employee', TRUE, NOW(6), NOW(6)),"
                + " ('Gone Token', 'gone@example.com', 'employee', FALSE, NOW(6), NOW(6))");

        PackagedJar.Ran created = jar.command(null, "token", "create", "--name", "nightly export", "--user",
                "tia@example.com");

        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out().lines()).first().asString()
                .matches("Created API token #\\d+ \"nightly export\" acting as tia@example\\.com\\.");
        String token = created.after(CreateTokenCommand.TOKEN_LINE);
        HttpResponse<String> mine = send(HttpRequest.newBuilder(service.uri().resolve("/api/v1/tickets"))
                .header("Authorization", "Bearer " + token));
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("\"items\"");
        assertThat(db.count("SELECT COUNT(*) FROM api_tokens WHERE name = 'nightly export' AND token_hash <> ?",
                token)).isEqualTo(1);
        assertRefused(jar.command(null, "token", "create", "--name", "x", "--user", "nobody@example.com"),
                "token create: no user has the email nobody@example.com");
        assertRefused(jar.command(null, "token", "create", "--name", "x", "--user", "gone@example.com"),
                "token create: Gone Token's account is deactivated; a token would act as nobody");
    }

    private static void assertRefused(PackagedJar.Ran ran, String message) {
        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.err()).isEqualTo("ticketdesk " + message + "\n");
        assertThat(ran.out()).isEmpty();
    }

    private HttpResponse<String> signIn(String email, String password, String address) throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(service.uri().resolve("/admin/login")));
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();
        String form = "_csrf=" + enc(token.group(1)) + "&email=" + enc(email) + "&password=" + enc(password);
        return send(HttpRequest.newBuilder(service.uri().resolve("/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie(page, "TD_LOGIN_CSRF"))
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> panel(String session) throws Exception {
        return send(HttpRequest.newBuilder(service.uri().resolve("/admin")).header("Cookie", session));
    }

    private static String sessionOf(HttpResponse<String> signedIn) {
        assertThat(signedIn.statusCode()).isEqualTo(303);
        return cookie(signedIn, "TD_SESSION");
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith(name + "=")).findFirst().orElseThrow();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void sql(String statement) throws Exception {
        try (Connection connection = db.connect(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
