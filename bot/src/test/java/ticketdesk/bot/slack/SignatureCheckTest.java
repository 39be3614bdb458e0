package ticketdesk.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ticketdesk's own signature check accepts and refuses exactly what the Slack SDK's verifier does. */
class SignatureCheckTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    private final SignatureCheck check = new SignatureCheck(SECRET);
    private final SlackSignature.Verifier sdk = new SlackSignature.Verifier(new SlackSignature.Generator(SECRET));
    private final SignedSlack slack = signedWith(SECRET);

    @Test
    void aBodySignedWithTheSecretIsAcceptedEveryTimeItIsChecked() {
        long now = SignedSlack.now();
        for (String body : List.of("", "payload=%7B%22type%22%3A%22block_actions%22%7D", "text=caf\u00e9 \uD83D\uDE00")) {
            String signature = slack.sign(now, body);
            assertThat(sdk.isValid(Long.toString(now), body, signature)).as(body).isTrue();
            for (int i = 0; i < 3; i++) {
                assertThat(check.signed(Long.toString(now), body, signature)).as(body).isTrue();
            }
        }
    }

    @Test
    void whatTheSdkRefusesIsRefused() {
        long now = SignedSlack.now();
        String at = Long.toString(now);
        String body = "command=%2Fticket&text=printer+broken";
        String good = slack.sign(now, body);
        List<String[]> refused = List.of(
                new String[] {at, body, signedWith("not-the-secret").sign(now, body)},
                new String[] {at, body + "&x=1", good},
                new String[] {at, body, good.toUpperCase()},
                new String[] {at, body, good.substring("v0=".length())},
                new String[] {at, body, good.substring(0, good.length() - 1)},
                new String[] {at, body, good + "0"},
                new String[] {at, body, ""},
                new String[] {Long.toString(now - 6 * 60), body, slack.sign(now - 6 * 60, body)},
                new String[] {"not-a-number", body, good},
                new String[] {null, body, good},
                new String[] {at, body, null});
        for (String[] request : refused) {
            assertThat(sdk.isValid(request[0], request[1], request[2])).as(Arrays.toString(request)).isFalse();
            assertThat(check.signed(request[0], request[1], request[2])).as(Arrays.toString(request)).isFalse();
        }
    }

    @Test
    void aTimestampWithinFiveMinutesEitherWayIsAccepted() {
        String body = "ssl_check=1";
        for (long timestamp : new long[] {SignedSlack.now() - 4 * 60, SignedSlack.now() + 4 * 60}) {
            String signature = slack.sign(timestamp, body);
            assertThat(check.signed(Long.toString(timestamp), body, signature)).isTrue();
        }
    }

    @Test
    void aTimestampFromFurtherAheadIsRefusedThoughTheSdkWouldAcceptIt() {
        String body = "ssl_check=1";
        long tenMinutesAhead = SignedSlack.now() + 10 * 60;
        String signature = slack.sign(tenMinutesAhead, body);
        assertThat(sdk.isValid(Long.toString(tenMinutesAhead), body, signature)).isTrue();
        assertThat(check.signed(Long.toString(tenMinutesAhead), body, signature)).isFalse();
        assertThat(check.signed("not-a-number", body, signature)).isFalse();
    }

    private static SignedSlack signedWith(String secret) {
        return new SignedSlack(URI.create("http://localhost/"), secret);
    }
}
