package ticketdesk.admin.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.testing.World;
import ticketdesk.core.user.ManagingUsers;
import ticketdesk.core.user.User;

/**
 * Base of the panel's browser tests: the app on a random port over a fresh MariaDB database, one headless
 * Chromium (Debian's chromium and chromedriver, never a download) shared by the test class, and an admin.
 */
public abstract class BrowserTest extends DatabaseTest {

    protected static final String PASSWORD = "correct horse battery staple";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Inject
    protected EmbeddedServer server;
    @Inject
    protected ApplicationContext context;

    protected ChromeDriver browser;
    protected World world;
    protected User admin;
    private ChromeDriverService service;
    private Path profile;

    @BeforeAll
    void startBrowser() throws IOException {
        world = new World(context);
        admin = withPassword(world.admin("Ada Admin"));
        profile = Files.createTempDirectory("td-chromium-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("ticketdesk.test.chromedriver",
                        "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("ticketdesk.test.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,900", "--user-data-dir=" + profile);
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.manage().window().setSize(new Dimension(1366, 900));
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    protected User withPassword(User user) {
        context.getBean(ManagingUsers.class).setPassword(user.id(), PASSWORD);
        return user;
    }

    protected String url(String path) {
        return server.getURI().toString().replaceAll("/$", "") + path;
    }

    protected void open(String path) {
        browser.get(url(path));
    }

    protected void signIn(User user, String password) {
        open("/admin/login");
        browser.findElement(By.id("email")).clear();
        browser.findElement(By.id("email")).sendKeys(user.email());
        browser.findElement(By.id("password")).sendKeys(password);
        click(By.id("sign-in"));
    }

    /** Clicks what leads to another page and waits until the browser has left this one. */
    protected void click(By what) {
        WebElement html = browser.findElement(By.tagName("html"));
        browser.findElement(what).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(driver -> hasLeft(html));
        wait.until(driver -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    /**
     * Whether the old page is gone. Mid-navigation ChromeDriver may answer "Node with given id does not
     * belong to the document" instead of a stale-element error: that too means the page was left.
     */
    private static boolean hasLeft(WebElement oldHtml) {
        try {
            oldHtml.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException gone) {
            return true;
        } catch (org.openqa.selenium.WebDriverException navigating) {
            String message = navigating.getMessage();
            return message != null && message.contains("does not belong to the document");
        }
    }

    protected void click(String id) {
        click(By.id(id));
    }

    protected void signInAsAdmin() {
        browser.manage().deleteAllCookies();
        signIn(admin, PASSWORD);
    }

    protected WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    protected void type(String id, String text) {
        WebElement field = byId(id);
        field.clear();
        field.sendKeys(text);
    }

    protected String path() {
        return java.net.URI.create(browser.getCurrentUrl()).getPath();
    }

    /** Saves what the browser shows under target/screenshots/, for a person to look at. */
    protected Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            // the whole page, not just the window: Chrome's own full-page capture
            Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                    "width", ((Number) size.get("width")).doubleValue(),
                    "height", Math.min(6000, ((Number) size.get("height")).doubleValue()));
            Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP client carrying the browser's session, for what a browser downloads rather than shows. */
    protected Http httpWithBrowserSession() {
        Http http = new Http(server.getURI());
        var cookie = browser.manage().getCookieNamed(AdminSession.COOKIE);
        if (cookie != null) {
            http.setCookie(AdminSession.COOKIE, cookie.getValue());
        }
        return http;
    }
}
