package ticketdesk.bot.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A stand-in for Slack's Web API (and response_url endpoint) on a real local socket. It records every call
 * and answers like Slack: it keeps each channel's messages (with their metadata) for {@code chat.update} and
 * {@code conversations.history}, and says which team the token is of ({@code auth.test}). A test can make it
 * answer 500 or 429 with Retry-After until it recovers, or do a call and lose its answer.
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

    /** A message as Slack keeps it: where, its ts, its thread (null at the top level), text, blocks and metadata. */
    public static final class Message {
        final String channel;
        final String ts;
        final String threadTs;
        volatile String text;
        volatile String blocks;
        volatile String metadata;

        Message(String channel, String ts, String threadTs, String text, String blocks, String metadata) {
            this.channel = channel;
            this.ts = ts;
            this.threadTs = threadTs;
            this.text = text;
            this.blocks = blocks;
            this.metadata = metadata;
        }

        public String ts() {
            return ts;
        }

        /** The blocks as the message shows them now, readable as {@link Call#blocks()}. */
        public String blocks() {
            return new Call("", Map.of("blocks", blocks == null ? "" : blocks), "").blocks();
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final Set<String> answersToLose = ConcurrentHashMap.newKeySet();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private volatile String team = "T1";
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

    /** The team auth.test names (the token's own); null makes auth.test fail. */
    public void team(String teamId) {
        this.team = teamId;
    }

    /** Every call of {@code method} answers {@code ok: false} with this error (null: answers again). */
    public void refuse(String method, String error) {
        if (error == null) {
            refusals.remove(method);
        } else {
            refusals.put(method, error);
        }
    }

    /** The next call of {@code method} is done, but its answer is lost: the connection closes halfway through it. */
    public void loseNextAnswerTo(String method) {
        answersToLose.add(method);
    }

    /** The messages at the top level of a channel, oldest first, as they show now (after every update). */
    public List<Message> messages(String channel) {
        return messages.stream().filter(m -> m.channel.equals(channel) && m.threadTs == null).toList();
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
        String answer = refusals.containsKey(method) ? error(refusals.get(method)) : answerFor(method, params);
        if (method.equals("chat.postMessage")) {
            params.put("answered.ts", JsonParser.parseString(answer).getAsJsonObject().get("ts").getAsString());
        }
        calls.add(new Call(method, params, body));
        if (answersToLose.remove(method)) {
            cutOff(exchange, answer);
            return;
        }
        answer(exchange, 200, answer);
    }

    private String answerFor(String method, Map<String, String> params) {
        JsonObject json = new JsonObject();
        json.addProperty("ok", true);
        switch (method) {
            case "chat.postMessage" -> {
                String channel = params.get("channel");
                String answered = channel != null && channel.startsWith("#") ? "CRESP" : channel;
                String posted = System.currentTimeMillis() / 1000 + "." + String.format("%06d", ts.incrementAndGet());
                json.addProperty("channel", answered);
                json.addProperty("ts", posted);
                messages.add(new Message(answered, posted, params.get("thread_ts"), params.get("text"),
                        params.get("blocks"), params.get("metadata")));
            }
            case "chat.update" -> {
                Message message = messages.stream().filter(m -> m.channel.equals(params.get("channel"))
                        && m.ts.equals(params.get("ts"))).findFirst().orElse(null);
                if (message == null) {
                    return error("message_not_found");
                }
                message.text = params.get("text");
                message.blocks = params.get("blocks");
                message.metadata = params.getOrDefault("metadata", message.metadata);
                json.addProperty("channel", params.get("channel"));
                json.addProperty("ts", params.get("ts"));
            }
            case "conversations.history" -> {
                return history(params);
            }
            case "auth.test" -> {
                if (team == null) {
                    return error("invalid_auth");
                }
                json.addProperty("team_id", team);
                json.addProperty("user_id", "UBOT");
                json.addProperty("bot_id", "BBOT");
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

    /** Top-level messages, newest first, from {@code oldest} on, {@code limit} a page; metadata only when asked. */
    private String history(Map<String, String> params) {
        BigDecimal oldest = new BigDecimal(params.getOrDefault("oldest", "0"));
        int limit = Integer.parseInt(params.getOrDefault("limit", "100"));
        int from = Integer.parseInt(params.getOrDefault("cursor", "page-0").substring("page-".length()));
        List<Message> found = new ArrayList<>(messages(params.get("channel")).stream()
                .filter(m -> new BigDecimal(m.ts).compareTo(oldest) >= 0).toList());
        Collections.reverse(found);
        JsonArray page = new JsonArray();
        for (Message m : found.subList(Math.min(from, found.size()), Math.min(from + limit, found.size()))) {
            JsonObject message = new JsonObject();
            message.addProperty("type", "message");
            message.addProperty("ts", m.ts);
            message.addProperty("text", m.text);
            message.addProperty("bot_id", "BBOT");
            if (m.metadata != null && "true".equals(params.get("include_all_metadata"))) {
                message.add("metadata", JsonParser.parseString(m.metadata));
            }
            page.add(message);
        }
        JsonObject json = new JsonObject();
        json.addProperty("ok", true);
        json.add("messages", page);
        json.addProperty("has_more", from + limit < found.size());
        JsonObject next = new JsonObject();
        next.addProperty("next_cursor", from + limit < found.size() ? "page-" + (from + limit) : "");
        json.add("response_metadata", next);
        return json.toString();
    }

    private static String error(String error) {
        JsonObject json = new JsonObject();
        json.addProperty("ok", false);
        json.addProperty("error", error);
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

    /** The answer's start, then the connection closes: the call was done, and the caller never learns its result. */
    private static void cutOff(HttpExchange exchange, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes, 0, bytes.length / 2);
            exchange.getResponseBody().flush();
        } catch (IOException ignored) {
            // the caller hung up first; either way it has no answer
        }
        try {
            exchange.close();
        } catch (RuntimeException ignored) {
            // "insufficient bytes written": the point of it
        }
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
