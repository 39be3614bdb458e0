package ticketdesk.mail.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import ticketdesk.mail.matching.AuthenticationResults.Result;

class AuthenticationResultsTest {

    @Test
    void gmailsFoldedHeaderWithCommentsGivesEachResultAndItsProperties() {
        AuthenticationResults header = parse("mx.google.com;\r\n       dkim=pass header.i=@example.com"
                + " header.s=20230601 header.b=AbCdEf12;\r\n       spf=pass (google.com: domain of alice@example.com"
                + " designates 192.0.2.1 as permitted sender) smtp.mailfrom=alice@example.com;\r\n"
                + "       dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=example.com");

        assertThat(header.authservId()).isEqualTo("mx.google.com");
        assertThat(header.results()).containsExactly(
                new Result("dkim", "pass", Map.of("header.i", "@example.com", "header.s", "20230601",
                        "header.b", "AbCdEf12")),
                new Result("spf", "pass", Map.of("smtp.mailfrom", "alice@example.com")),
                new Result("dmarc", "pass", Map.of("header.from", "example.com")));
    }

    @Test
    void noneMeansNoResults() {
        AuthenticationResults header = parse("example.org 1; none");

        assertThat(header.authservId()).isEqualTo("example.org");
        assertThat(header.results()).isEmpty();
    }

    @Test
    void aVersionAfterTheAuthservIdIsNotTakenForTheId() {
        assertThat(parse("example.org 1; dkim=pass header.d=example.com").authservId()).isEqualTo("example.org");
    }

    @Test
    void commentsAnywhereEvenNestedAndHoldingSemicolonsAreDropped() {
        AuthenticationResults header = parse("(outer (inner; still) comment) mx.example.org (a; b) ;"
                + " dkim (how) = (it) pass (went) header (the) . (signing) d = (domain) example.com (done)");

        assertThat(header.authservId()).isEqualTo("mx.example.org");
        assertThat(header.results()).containsExactly(new Result("dkim", "pass", Map.of("header.d", "example.com")));
    }

    @Test
    void quotedStringsKeepSemicolonsParenthesesAndEscapedQuotes() {
        AuthenticationResults header = parse("\"mx.example.org\"; dkim=fail reason=\"bad; (really) \\\"bad\\\"\""
                + " header.d=\"example.com\"; spf=none smtp.mailfrom=example.net");

        assertThat(header.authservId()).isEqualTo("mx.example.org");
        assertThat(header.results()).containsExactly(
                new Result("dkim", "fail", Map.of("reason", "bad; (really) \"bad\"", "header.d", "example.com")),
                new Result("spf", "none", Map.of("smtp.mailfrom", "example.net")));
    }

    @Test
    void aMethodVersionIsDroppedAndNamesAreCaseInsensitive() {
        AuthenticationResults header = parse("MX.Example.ORG; DKIM / 1 = PASS Header.D=Example.COM");

        assertThat(header.results()).containsExactly(new Result("dkim", "pass", Map.of("header.d", "Example.COM")));
        assertThat(header.results().get(0).property("HEADER.D")).hasValue("Example.COM");
    }

    @Test
    void severalResultsOfOneMethodAreAllKept() {
        AuthenticationResults header = parse("mx.example.org; dkim=fail header.d=list.example;"
                + " dkim=pass header.d=example.com header.b=abc=; arc=none");

        assertThat(header.results()).extracting(Result::method, Result::result).containsExactly(
                org.assertj.core.groups.Tuple.tuple("dkim", "fail"), org.assertj.core.groups.Tuple.tuple("dkim", "pass"),
                org.assertj.core.groups.Tuple.tuple("arc", "none"));
        assertThat(header.results().get(1).properties()).containsEntry("header.d", "example.com")
                .containsEntry("header.b", "abc=");
    }

    @Test
    void aHeaderWithoutAnAuthservIdIsNoHeader() {
        assertThat(AuthenticationResults.parse("; dkim=pass header.d=example.com")).isEmpty();
        assertThat(AuthenticationResults.parse("dkim=pass header.d=example.com")).isEmpty();
        assertThat(AuthenticationResults.parse("  (only a comment) ")).isEmpty();
        assertThat(AuthenticationResults.parse(null)).isEmpty();
    }

    @Test
    void anUnreadableResinfoIsSkippedAndTheRestKept() {
        AuthenticationResults header = parse("mx.example.org; garbage here; dmarc=fail header.from=example.com");

        assertThat(header.results()).containsExactly(new Result("dmarc", "fail", Map.of("header.from", "example.com")));
    }

    private static AuthenticationResults parse(String value) {
        return AuthenticationResults.parse(value).orElseThrow();
    }
}
