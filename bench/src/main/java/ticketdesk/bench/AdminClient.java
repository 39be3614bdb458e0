package ticketdesk.bench;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like client of the admin panel: keeps cookies, signs in through the login form with its CSRF token. */
final class AdminClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final AppInstance app;

    AdminClient(AppInstance app) {
        this.app = app;
    }

    /** Signs in as the configured first admin; fails with what the panel answered. */
    void signIn(String email, String password) {
        HttpResponse<String> form = get("/admin/login");
        Matcher m = CSRF.matcher(form.body());
        String token = m.find() ? m.group(1) : "";
        String body = "email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(token);
        HttpResponse<String> r = send(HttpRequest.newBuilder(app.uri("/admin/login")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (r.statusCode() != 303 && r.statusCode() != 302) {
            throw new IllegalStateException("admin sign-in answered " + r.statusCode() + ": "
                    + OpenLoop.abbreviate(r.body()));
        }
    }

    HttpResponse<String> get(String path) {
        return send(request(path));
    }

    HttpRequest request(String path) {
        return HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(10)).GET().build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
