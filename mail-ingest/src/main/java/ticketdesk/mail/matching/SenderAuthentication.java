package ticketdesk.mail.matching;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ticketdesk.mail.MailSettings;
import ticketdesk.mail.reply.ParsedMail;

/**
 * Whether the receiving mail server vouches for a mail's {@code From:} domain, by its {@code Authentication-Results}
 * headers: only those whose authserv-id is MAIL_AUTHSERV_ID count (RFC 8601 §5: the others may be the sender's own
 * words). A DMARC result for the From domain decides; without one, a DKIM pass whose {@code header.d} is aligned
 * with it vouches, and a DKIM fail with no aligned pass refutes. A fail anywhere wins over a pass.
 */
@Singleton
public class SenderAuthentication {

    /** What the headers say: {@code why} names the result, for the inbound record. */
    public record Verdict(Kind kind, String why) {

        public enum Kind { PASS, FAIL, NONE }
    }

    private final MailSettings settings;

    SenderAuthentication(MailSettings settings) {
        this.settings = settings;
    }

    public Verdict of(ParsedMail mail) {
        String trusted = settings.getAuthservId();
        if (trusted == null) {
            return none("MAIL_AUTHSERV_ID is not set, so no Authentication-Results header is trusted");
        }
        String domain = mail.from() == null ? "" : mail.from().substring(mail.from().indexOf('@') + 1);
        List<AuthenticationResults.Result> results = trustedResults(mail, trusted);
        List<AuthenticationResults.Result> dmarc = results.stream().filter(r -> r.method().equals("dmarc"))
                .filter(r -> r.property("header.from").map(d -> d.equalsIgnoreCase(domain)).orElse(true)).toList();
        List<AuthenticationResults.Result> dkim = results.stream().filter(r -> r.method().equals("dkim")).toList();
        if (dmarc.stream().anyMatch(r -> r.result().equals("fail"))) {
            return new Verdict(Verdict.Kind.FAIL, trusted + " says dmarc=fail for " + domain);
        }
        if (dmarc.stream().anyMatch(r -> r.result().equals("pass"))) {
            return new Verdict(Verdict.Kind.PASS, trusted + " says dmarc=pass for " + domain);
        }
        if (dkim.stream().anyMatch(r -> r.result().equals("pass") && aligned(signer(r), domain))) {
            return new Verdict(Verdict.Kind.PASS, trusted + " says dkim=pass aligned with " + domain);
        }
        // a broken signature of another domain (a mailing list's, one a gateway spoiled) is as if unsigned
        // (RFC 6376 6.1); only a failed signature of the From domain itself speaks against the sender
        if (dkim.stream().anyMatch(r -> r.result().equals("fail") && aligned(signer(r), domain))) {
            return new Verdict(Verdict.Kind.FAIL, trusted + " says dkim=fail for " + domain
                    + ", and no signature aligned with it passed");
        }
        return none(results.isEmpty() ? "no Authentication-Results header of " + trusted
                : trusted + " reports neither dmarc=pass nor an aligned dkim=pass for " + domain);
    }

    /**
     * Relaxed alignment (DMARC's default) approximated without the public-suffix list: the same domain, or one a
     * subdomain of the other. Only a domain's owner can sign for it or its subdomains, so this admits no stranger
     * unless the From domain is itself a public suffix, which is no one's work address.
     */
    static boolean aligned(String signer, String from) {
        String d = signer.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        String f = from.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        return !d.isEmpty() && !f.isEmpty() && (d.equals(f) || d.endsWith("." + f) || f.endsWith("." + d));
    }

    /** The signing domain: header.d, or the domain of header.i where a server gives only that. */
    private static String signer(AuthenticationResults.Result dkim) {
        return dkim.property("header.d")
                .or(() -> dkim.property("header.i").map(i -> i.substring(i.indexOf('@') + 1))).orElse("");
    }

    private static List<AuthenticationResults.Result> trustedResults(ParsedMail mail, String trusted) {
        List<AuthenticationResults.Result> results = new ArrayList<>();
        for (String header : mail.headers().getOrDefault("authentication-results", List.of())) {
            AuthenticationResults.parse(header).filter(h -> h.authservId().equalsIgnoreCase(trusted))
                    .ifPresent(h -> results.addAll(h.results()));
        }
        return results;
    }

    private static Verdict none(String why) {
        return new Verdict(Verdict.Kind.NONE, why);
    }
}
