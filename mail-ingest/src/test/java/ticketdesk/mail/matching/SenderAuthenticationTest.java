package ticketdesk.mail.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import ticketdesk.mail.MailSettings;
import ticketdesk.mail.matching.SenderAuthentication.Verdict.Kind;
import ticketdesk.mail.reply.MimeDecoder;

class SenderAuthenticationTest {

    private static final String OURS = "mx.ticketdesk.test";

    @Test
    void withoutATrustedAuthservIdNothingVouches() {
        assertThat(verdict(null, "alice@example.com", "mx.ticketdesk.test; dmarc=pass header.from=example.com"))
                .isEqualTo(Kind.NONE);
    }

    @Test
    void ourServersDmarcPassForTheFromDomainVouches() {
        assertThat(verdict(OURS, "alice@example.com", "MX.TicketDesk.test; dmarc=pass header.from=example.com"))
                .isEqualTo(Kind.PASS);
    }

    @Test
    void anotherServersPassIsIgnoredAsTheSendersOwnWords() {
        assertThat(verdict(OURS, "alice@example.com", "mx.attacker.example; dmarc=pass header.from=example.com"))
                .isEqualTo(Kind.NONE);
    }

    @Test
    void aDmarcResultForAnotherFromDomainIsNotThisMails() {
        assertThat(verdict(OURS, "alice@example.com", OURS + "; dmarc=pass header.from=attacker.example"))
                .isEqualTo(Kind.NONE);
    }

    @Test
    void aDkimPassVouchesWhenItsDomainIsAlignedWithTheFromDomain() {
        assertThat(verdict(OURS, "alice@example.com", OURS + "; dkim=pass header.d=example.com")).isEqualTo(Kind.PASS);
        assertThat(verdict(OURS, "alice@eu.mail.example.com", OURS + "; dkim=pass header.d=example.com"))
                .isEqualTo(Kind.PASS);
        assertThat(verdict(OURS, "alice@example.com", OURS + "; dkim=pass header.i=@mail.example.com"))
                .isEqualTo(Kind.PASS);
        assertThat(verdict(OURS, "alice@example.com", OURS + "; dkim=pass header.d=example.com.attacker.example"))
                .isEqualTo(Kind.NONE);
        assertThat(verdict(OURS, "alice@example.com", OURS + "; dkim=pass header.d=notexample.com"))
                .isEqualTo(Kind.NONE);
    }

    @Test
    void aDmarcFailRefutesEvenBesideAPass() {
        assertThat(verdict(OURS, "alice@example.com", OURS + "; dkim=pass header.d=example.com",
                OURS + "; dmarc=fail (p=reject) header.from=example.com")).isEqualTo(Kind.FAIL);
    }

    @Test
    void anUnalignedBrokenSignatureIsAsIfUnsigned() {
        assertThat(verdict(OURS, "alice@example.com", OURS + "; dkim=fail header.d=lists.example"))
                .isEqualTo(Kind.NONE);
    }

    @Test
    void aDkimFailRefutesOnlyWithoutAnAlignedPass() {
        assertThat(verdict(OURS, "alice@example.com", OURS + "; dkim=fail header.d=example.com")).isEqualTo(Kind.FAIL);
        assertThat(verdict(OURS, "alice@example.com", OURS + "; dkim=fail header.d=list.example;"
                + " dkim=pass header.d=example.com")).isEqualTo(Kind.PASS);
    }

    @Test
    void neutralResultsNeitherVouchNorRefute() {
        assertThat(verdict(OURS, "alice@example.com", OURS + "; dkim=none; spf=pass smtp.mailfrom=example.com;"
                + " dmarc=temperror header.from=example.com")).isEqualTo(Kind.NONE);
    }

    private static Kind verdict(String authservId, String from, String... authenticationResults) {
        MailSettings settings = new MailSettings();
        settings.setAuthservId(authservId);
        StringBuilder raw = new StringBuilder();
        for (String header : authenticationResults) {
            raw.append("Authentication-Results: ").append(header).append("\r\n");
        }
        raw.append("From: Alice <").append(from).append(">\r\nSubject: Re: [#1] printer\r\n\r\nHello\r\n");
        return new SenderAuthentication(settings)
                .of(new MimeDecoder(settings).decode(raw.toString().getBytes(StandardCharsets.UTF_8))).kind();
    }
}
