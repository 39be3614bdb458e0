package ticketdesk.admin.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import ticketdesk.admin.web.BrowserTest;
import ticketdesk.admin.web.Http;
import ticketdesk.core.Channel;
import ticketdesk.core.message.Attachment;
import ticketdesk.core.message.PostMessage;
import ticketdesk.core.message.PostingMessage;
import ticketdesk.core.ticket.Source;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.User;

/**
 * Issue 14's panel polish: files download safely, unknown pages and bad addresses get the panel's own pages, times
 * read in the admin's time zone with UTC on hover, message cards are as tall as their text, and the ticket list
 * offers the sources tickets come from.
 */
@MicronautTest(transactional = false)
class PanelPolishInTheBrowserTest extends BrowserTest {

    private static final String INVOICE = "Rechnung März \"final\".pdf";
    private final byte[] invoice = new byte[2_500_000];
    private Ticket ticket;

    @BeforeAll
    void aTicketWithFiles() {
        new Random(7).nextBytes(invoice);
        User erin = world.employee("Erin Employee");
        ticket = world.pendingTicket(erin, "scanner jams");
        context.getBean(PostingMessage.class).post(new PostMessage(ticket.id(), erin.id(), "Scans attached.",
                Channel.EMAIL, "<scan-1@example.com>", List.of(
                        new Attachment(INVOICE, "application/pdf", invoice.length, invoice),
                        new Attachment("page.html", "text/html; charset=utf-8", 29,
                                "<script>alert(1)</script>\n".getBytes()),
                        new Attachment("disk.iso", "application/x-iso9660-image", 900_000_000L,
                                (Attachment.Content) null))));
    }

    @Test
    void aFileDownloadsAsAnAttachmentWithItsTypeAndSafeNameWholeAndOnlyForASignedInAdmin() {
        signInAsAdmin();
        open("/admin/tickets/" + ticket.id());
        List<WebElement> links = browser.findElements(By.cssSelector("#messages a.file"));
        assertThat(links).extracting(WebElement::getText).containsExactly(INVOICE, "page.html");
        assertThat(byId("messages").getText()).contains("disk.iso (application/x-iso9660-image, 900.0 MB, not kept)");
        String invoicePath = URI(links.get(0));

        HttpResponse<byte[]> download = httpWithBrowserSession().download(invoicePath);

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue("attachment;"
                + " filename=\"Rechnung M_rz _final_.pdf\"; filename*=UTF-8''Rechnung%20M%C3%A4rz%20%22final%22.pdf");
        assertThat(download.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(download.headers().firstValue("Content-Length")).hasValue(Integer.toString(invoice.length));
        assertThat(Arrays.equals(download.body(), invoice)).as("the same bytes, over three chunks").isTrue();

        HttpResponse<byte[]> page = httpWithBrowserSession().download(URI(links.get(1)));
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(page.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment;"));

        HttpResponse<byte[]> anonymous = new Http(server.getURI()).download(invoicePath);
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).hasValue("/admin/login");
        assertThat(anonymous.body()).isEmpty();
    }

    @Test
    void anUnknownTicketUserOrPageAndABadAddressGetThePanelsOwnPages() {
        signInAsAdmin();
        Map<String, String> pages = Map.of("/admin/tickets/987654", "404 Not found There is no ticket #987654.",
                "/admin/users/987654", "404 Not found There is no user #987654.",
                "/admin/mail/987654", "404 Not found There is no inbound email #987654.",
                "/admin/nothing-here", "404 Not found The panel has no page at /admin/nothing-here.",
                "/admin/tickets/abc", "400 Cannot show this The address /admin/tickets/abc could not be read",
                "/admin/tickets?status=claimd", "400 Cannot show this Unknown status \"claimd\"");
        Http http = httpWithBrowserSession();
        pages.forEach((path, says) -> {
            open(path);
            assertThat(browser.findElements(By.id("problem"))).as(path + "\n" + browser.getPageSource()).hasSize(1);
            assertThat(byId("problem").getText().replace('\n', ' ')).as(path).startsWith(says);
            assertThat(browser.findElements(By.cssSelector("header.top nav a"))).as(path + ": the panel's menu")
                    .isNotEmpty();
            HttpResponse<String> answer = http.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(Integer.parseInt(says.substring(0, 3)));
            assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValue("text/html;charset=utf-8");
        });
        open("/admin/tickets/987654");
        assertThat(byId("problem").getCssValue("background-color")).as("styled by the panel's sheet")
                .isEqualTo("rgba(255, 255, 255, 1)");
        screenshot("not-found");
    }

    @Test
    void timesReadInTheAdminsTimeZoneWithUtcOnHover() {
        browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
        try {
            signInAsAdmin();
            open("/admin/tickets/" + ticket.id());
            WebElement opened = byId("opened").findElement(By.tagName("time"));
            String utc = ticket.createdAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            String tokyo = ticket.createdAt().atOffset(ZoneOffset.UTC).atZoneSameInstant(ZoneId.of("Asia/Tokyo"))
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));

            assertThat(opened.getAttribute("datetime")).isEqualTo(utc.replace(' ', 'T') + "Z");
            assertThat(opened.getAttribute("title")).isEqualTo(utc + " UTC");
            assertThat(opened.getText()).isEqualTo(tokyo + " GMT+9");
        } finally {
            browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
        }
    }

    @Test
    void aMessageCardIsAsTallAsItsTextWithNoBlankLinesFromTheTemplate() {
        signInAsAdmin();
        open("/admin/tickets/" + ticket.id());
        WebElement card = browser.findElement(By.cssSelector("#messages .message"));
        Number gap = (Number) browser.executeScript("var card = arguments[0], inner = 0;"
                + "for (var c of card.children) { inner += c.getBoundingClientRect().height; }"
                + "var style = getComputedStyle(card);"
                + "return card.getBoundingClientRect().height - inner - parseFloat(style.paddingTop)"
                + " - parseFloat(style.paddingBottom);", card);
        assertThat(gap.doubleValue()).as("height of the card not taken by its parts").isLessThan(12);
        assertThat(card.findElement(By.cssSelector(".body")).getText()).isEqualTo("Scans attached.");
    }

    @Test
    void theSourceFilterOffersTheSourcesCoreKnows() {
        signInAsAdmin();
        open("/admin/tickets");
        List<String> offered = browser.findElements(By.cssSelector("select[name=source] option")).stream()
                .map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()).toList();
        assertThat(offered).containsExactlyElementsOf(Arrays.stream(Source.values()).map(Source::db).toList());
    }

    private static String URI(WebElement link) {
        return link.getAttribute("href").replaceFirst("^https?://[^/]+", "");
    }
}
