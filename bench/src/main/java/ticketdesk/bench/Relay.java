package ticketdesk.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Delivers like a mail relay: a 503 means "try again later", so it does, after the Retry-After it was given. */
public final class Relay {

    private static final int ATTEMPTS = 20;

    private Relay() {
    }

    public static HttpResponse<String> deliver(HttpClient http, HttpRequest request)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (int attempt = 1; response.statusCode() == 503 && attempt < ATTEMPTS; attempt++) {
            long seconds = response.headers().firstValue("Retry-After").map(Relay::seconds).orElse(1L);
            Thread.sleep(Math.min(1000, Math.max(100, seconds * 1000)));
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
