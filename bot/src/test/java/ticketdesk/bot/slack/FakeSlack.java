package ticketdesk.bot.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A stand-in for Slack's Web API (and response_url endpoint) on a real local socket. It records every call
 * and answers like Slack; a test can make it answer 500 or 429 with Retry-After until it recovers.
 */
public final class FakeSlack implements AutoCloseable {

    /** The bot token the app must be given: as Slack does, the Web API answers not_authed without it. */
    public static final String BOT_TOKEN = "xoxb-test-token";
    private static final String BOT_TOKEN_HEADER = "Bearer " + BOT_TOKEN;

    /** One request the fake received: the API method (or "response_url"), its parameters and raw body. */
    public record Call(String method, Map<String, String> params, String body) {

        /** The ts the fake gave a posted message. */
        public String ts() {
            return params.get("answered.ts");
        }

        public String param(String name) {
            return params.get(name);
        }

        /** The Block Kit JSON sent, with Gson's HTML-safe escapes undone so it reads as Slack shows it. */
        public String blocks() {
            String blocks = params.get("blocks");
            return blocks == null ? "" : blocks.replace("\\u003c", "<").replace("\\u003e", ">")
                    .replace("\\u0026", "&").replace("\\u003d", "=").replace("\\u0027", "'");
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger ts = new AtomicInteger(100);
    private volatile int failStatus;
    private volatile String retryAfter;
    private volatile Map<String, String> profiles = new HashMap<>();

    private FakeSlack(HttpServer server) {
        this.server = server;
    }

    public static FakeSlack start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeSlack fake = new FakeSlack(server);
            server.createContext("/", fake::handle);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public String apiUrl() {
        return base() + "api/";
    }

    public String responseUrl(String name) {
        return base() + "respond/" + name;
    }

    /** Answers every call with this HTTP status (500, 429) until {@link #recover()}. */
    public void failWith(int status, String retryAfterSeconds) {
        this.retryAfter = retryAfterSeconds;
        this.failStatus = status;
    }

    public void recover() {
        failStatus = 0;
    }

    /** What users.info answers for a user id: real name and email. */
    public void knowsUser(String userId, String realName, String email) {
        Map<String, String> copy = new HashMap<>(profiles);
        copy.put(userId, realName + "\n" + email);
        profiles = copy;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public List<Call> calls(String method, Predicate<Call> where) {
        return calls(method).stream().filter(where).toList();
    }

    public void reset() {
        calls.clear();
        failStatus = 0;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getPath();
        String method = path.startsWith("/api/") ? path.substring(5) : "response_url";
        if (failStatus != 0) {
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            calls.add(new Call("failed:" + method, params(exchange, body), body));
            answer(exchange, failStatus, "{\"ok\":false,\"error\":\"fake outage\"}");
            return;
        }
        Map<String, String> params = params(exchange, body);
        if (path.startsWith("/api/") && !BOT_TOKEN_HEADER.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            calls.add(new Call("unauthorized:" + method, params, body));
            answer(exchange, 200, "{\"ok\":false,\"error\":\"not_authed\"}");
            return;
        }
        String answer = answerFor(method, params);
        if (method.equals("chat.postMessage")) {
            params.put("answered.ts", JsonParser.parseString(answer).getAsJsonObject().get("ts").getAsString());
        }
        calls.add(new Call(method, params, body));
        answer(exchange, 200, answer);
    }

    private String answerFor(String method, Map<String, String> params) {
        JsonObject json = new JsonObject();
        json.addProperty("ok", true);
        switch (method) {
            case "chat.postMessage" -> {
                String channel = params.get("channel");
                json.addProperty("channel", channel != null && channel.startsWith("#") ? "CRESP" : channel);
                json.addProperty("ts", "1700000000." + String.format("%06d", ts.incrementAndGet()));
            }
            case "chat.update" -> {
                json.addProperty("channel", params.get("channel"));
                json.addProperty("ts", params.get("ts"));
            }
            case "chat.postEphemeral" -> json.addProperty("message_ts", "1700000001.000001");
            case "users.info" -> {
                String known = profiles.get(params.get("user"));
                if (known == null) {
                    json.addProperty("ok", false);
                    json.addProperty("error", "user_not_found");
                } else {
                    String[] parts = known.split("\n");
                    JsonObject user = new JsonObject();
                    user.addProperty("id", params.get("user"));
                    user.addProperty("name", parts[0].toLowerCase());
                    user.addProperty("real_name", parts[0]);
                    JsonObject profile = new JsonObject();
                    profile.addProperty("email", parts[1]);
                    profile.addProperty("real_name", parts[0]);
                    user.add("profile", profile);
                    json.add("user", user);
                }
            }
            case "response_url" -> {
                return "ok";
            }
            default -> {
            }
        }
        return json.toString();
    }

    private static Map<String, String> params(HttpExchange exchange, String body) {
        Map<String, String> params = new HashMap<>();
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.startsWith("application/json")) {
            try {
                JsonObject json = JsonParser.parseString(body).getAsJsonObject();
                json.entrySet().forEach(e -> params.put(e.getKey(),
                        e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
            } catch (RuntimeException ignored) {
                // not JSON after all; the raw body is kept
            }
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
