package ticketdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Slack Web API on a real local socket ({@code SLACK_API_URL=http://127.0.0.1:port/api/}): answers
 * every method the way Slack does for a healthy workspace and records each call, so a run can check
 * what the instances posted (each card once) and find the buttons they rendered. Keeps each channel's
 * messages with their metadata, as {@code chat.update} and {@code conversations.history} see them, and can
 * hold the answer to a card's {@code chat.postMessage} (the card posted, the poster not told) so a test can
 * kill the poster at that moment. Also takes the {@code response_url} posts of slash commands and
 * interactions.
 */
public final class FakeSlack implements AutoCloseable {

    public static final String RESPONDER_CHANNEL = "C0RESPOND";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TICKET_REF = Pattern.compile("#(\\d+)");

    /** One Web API call: its method, its parameters (form fields or top-level JSON fields) and when. */
    public record Call(String method, Map<String, String> params, long atNanos) {
        public String param(String name) {
            return params.getOrDefault(name, "");
        }
    }

    /** A ticket card as posted to the responders' channel: its ts and the ticket it shows. */
    public record Card(String ts, long ticketId, JsonNode blocks) {

        /** The button whose label contains the given word (e.g. "Claim"). */
        public Optional<Button> button(String label) {
            List<Button> found = new ArrayList<>();
            collect(blocks, null, label.toLowerCase(), found);
            return found.stream().findFirst();
        }

        private static void collect(JsonNode node, String blockId, String label, List<Button> found) {
            if (node == null) {
                return;
            }
            if (node.isObject()) {
                String here = node.hasNonNull("block_id") ? node.get("block_id").asText() : blockId;
                if ("button".equals(node.path("type").asText())
                        && node.path("text").path("text").asText().toLowerCase().contains(label)) {
                    found.add(new Button(node.path("action_id").asText(), node.path("value").asText(null), here));
                }
                node.elements().forEachRemaining(child -> collect(child, here, label, found));
            } else if (node.isArray()) {
                node.elements().forEachRemaining(child -> collect(child, blockId, label, found));
            }
        }
    }

    public record Button(String actionId, String value, String blockId) {
    }

    /** A message as Slack keeps it: channel, ts, thread (null at the top level), and its text, blocks, metadata now. */
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

        /** The blocks as JSON text, with the escapes of the app's JSON writer undone. */
        public String blocks() {
            JsonNode parsed = parse(blocks);
            return parsed == null ? "" : parsed.toString();
        }

        /** The ticket its metadata names, or -1. */
        public long ticketId() {
            JsonNode tag = parse(metadata);
            return tag == null ? -1 : tag.path("event_payload").path("ticket_id").asLong(-1);
        }
    }

    private record Held(HttpExchange exchange, byte[] answer) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> responses = new ConcurrentLinkedQueue<>();
    private final AtomicLong tsCounter = new AtomicLong();
    private final Map<String, Message> messages = new ConcurrentHashMap<>();
    private final List<Held> held = new CopyOnWriteArrayList<>();
    private volatile boolean holdingCardPosts;

    private FakeSlack(HttpServer server) {
        this.server = server;
    }

    public static FakeSlack start() {
        // without TCP_NODELAY the answer's headers and body go out as two small packets, and Nagle plus the
        // client's delayed ACK hold every call ~40 ms: the fake, not the app, would set the outbox's pace
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            FakeSlack slack = new FakeSlack(server);
            server.createContext("/api/", slack::api);
            server.createContext("/response/", slack::responseUrl);
            // answers are computed in microseconds, so the dispatcher thread answers them itself: a hand-off to a
            // pool per call cost the shared cores a thread switch per note the app sent
            server.setExecutor(null);
            server.start();
            return slack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value for SLACK_API_URL. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    public String responseUrl(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + id;
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public int responseUrlPosts() {
        return responses.size();
    }

    /** Top-level posts to the responders' channel that show a ticket: the cards, in order of arrival. */
    public List<Card> cards() {
        List<Card> cards = new ArrayList<>();
        for (Call call : calls("chat.postMessage")) {
            if (!RESPONDER_CHANNEL.equals(call.param("channel")) || !call.param("thread_ts").isEmpty()) {
                continue;
            }
            JsonNode blocks = parse(call.param("blocks"));
            long ticket = ticketOf(call.param("text") + " " + (blocks == null ? "" : blocks.toString()));
            if (ticket > 0) {
                cards.add(new Card(call.param("ts_answered"), ticket, blocks));
            }
        }
        return cards;
    }

    /** The messages at the top level of a channel, oldest first, as they show now (after every update). */
    public List<Message> messages(String channel) {
        return messages.values().stream().filter(m -> m.channel.equals(channel) && m.threadTs == null)
                .sorted(Comparator.comparing(m -> new BigDecimal(m.ts))).toList();
    }

    /** From now on a card's chat.postMessage is done, and its answer held until {@link #stopHolding()}. */
    public void holdCardPosts() {
        holdingCardPosts = true;
    }

    /** Waits for a card post whose answer is held; returns the card as posted. */
    public Card awaitHeldCardPost(Duration timeout) {
        Flows.await("a card post held", timeout, () -> !held.isEmpty());
        return cards().get(cards().size() - 1);
    }

    /** Answers the held posts (to whoever still listens) and holds no more. */
    public void stopHolding() {
        holdingCardPosts = false;
        for (Held h : held) {
            try (HttpExchange exchange = h.exchange()) {
                respond(exchange, h.answer());
            } catch (IOException | RuntimeException gone) {
                // the poster is dead: nobody reads this answer, as intended
            }
        }
        held.clear();
    }

    /** Thread posts in the responders' channel (messages mirrored into a ticket's thread). */
    public List<Call> threadPosts() {
        return calls("chat.postMessage").stream()
                .filter(c -> RESPONDER_CHANNEL.equals(c.param("channel")) && !c.param("thread_ts").isEmpty()).toList();
    }

    static long ticketOf(String text) {
        Matcher m = TICKET_REF.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private void api(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        Map<String, String> params = contentType.contains("json") ? jsonParams(body) : formParams(body);
        if (exchange.getRequestURI().getRawQuery() != null) {
            formParams(exchange.getRequestURI().getRawQuery()).forEach(params::putIfAbsent);
        }
        ObjectNode answer = answer(method, params);
        params.put("ts_answered", answer.path("ts").asText(""));
        calls.add(new Call(method, params, System.nanoTime()));
        byte[] out = JSON.writeValueAsBytes(answer);
        if (holdingCardPosts && method.equals("chat.postMessage") && RESPONDER_CHANNEL.equals(params.get("channel"))
                && params.getOrDefault("thread_ts", "").isEmpty()) {
            held.add(new Held(exchange, out));
            return;
        }
        try (exchange) {
            respond(exchange, out);
        }
    }

    private static void respond(HttpExchange exchange, byte[] out) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, out.length);
        exchange.getResponseBody().write(out);
    }

    private ObjectNode answer(String method, Map<String, String> params) {
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        String channel = params.getOrDefault("channel", RESPONDER_CHANNEL);
        switch (method) {
            case "chat.postMessage" -> {
                String ts = nextTs();
                messages.put(ts, new Message(channel, ts, params.get("thread_ts"), params.get("text"),
                        params.get("blocks"), params.get("metadata")));
                answer.put("channel", channel).put("ts", ts);
                answer.putObject("message").put("ts", ts).put("text", params.getOrDefault("text", ""))
                        .put("type", "message").put("user", "UBENCHBOT");
            }
            case "chat.update" -> {
                Message message = messages.get(params.getOrDefault("ts", ""));
                if (message == null || !message.channel.equals(channel)) {
                    return answer.put("ok", false).put("error", "message_not_found");
                }
                message.text = params.get("text");
                message.blocks = params.get("blocks");
                message.metadata = params.getOrDefault("metadata", message.metadata);
                answer.put("channel", channel).put("ts", message.ts).put("text", params.getOrDefault("text", ""));
            }
            case "conversations.history" -> history(channel, params, answer);
            case "chat.postEphemeral" -> answer.put("message_ts", nextTs());
            case "chat.getPermalink" -> answer.put("channel", channel)
                    .put("permalink", "https://bench.slack.invalid/archives/" + channel + "/p1");
            case "conversations.open" -> answer.putObject("channel").put("id", "D" + params.getOrDefault("users", "X"));
            case "users.info" -> {
                String id = params.getOrDefault("user", "U0");
                ObjectNode user = answer.putObject("user").put("id", id).put("name", id.toLowerCase())
                        .put("real_name", "Bench " + id).put("deleted", false).put("is_bot", false);
                user.putObject("profile").put("email", id.toLowerCase() + "@bench.example")
                        .put("real_name", "Bench " + id).put("display_name", "Bench " + id);
            }
            case "users.lookupByEmail" -> answer.putObject("user").put("id", "U" + Math.abs(params
                    .getOrDefault("email", "").hashCode()));
            case "auth.test" -> answer.put("url", "https://bench.slack.invalid/").put("team", "bench")
                    .put("user", "ticketdesk").put("team_id", "T0BENCH").put("user_id", "UBENCHBOT")
                    .put("bot_id", "BBENCHBOT");
            default -> {
                // views.open, reactions.add, ...: a plain ok is what Slack answers
            }
        }
        return answer;
    }

    /** Top-level messages newest first, from {@code oldest} on, a page of {@code limit}; metadata only when asked. */
    private void history(String channel, Map<String, String> params, ObjectNode answer) {
        BigDecimal oldest = new BigDecimal(params.getOrDefault("oldest", "0"));
        int limit = Integer.parseInt(params.getOrDefault("limit", "100"));
        int from = Integer.parseInt(params.getOrDefault("cursor", "page-0").substring("page-".length()));
        List<Message> found = new ArrayList<>(messages(channel).stream()
                .filter(m -> new BigDecimal(m.ts).compareTo(oldest) >= 0).toList());
        Collections.reverse(found);
        var page = answer.putArray("messages");
        for (Message m : found.subList(Math.min(from, found.size()), Math.min(from + limit, found.size()))) {
            ObjectNode message = page.addObject().put("type", "message").put("ts", m.ts).put("text", m.text)
                    .put("bot_id", "BBENCHBOT");
            if (m.metadata != null && "true".equals(params.get("include_all_metadata"))) {
                message.set("metadata", parse(m.metadata));
            }
        }
        answer.put("has_more", from + limit < found.size());
        answer.putObject("response_metadata").put("next_cursor",
                from + limit < found.size() ? "page-" + (from + limit) : "");
    }

    private void responseUrl(HttpExchange exchange) throws IOException {
        try (exchange) {
            responses.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
        }
    }

    /** As Slack's: the epoch second it was posted, and a number unique within it. */
    private String nextTs() {
        long n = tsCounter.incrementAndGet();
        return System.currentTimeMillis() / 1000 + "." + String.format("%06d", n % 1_000_000);
    }

    private static Map<String, String> formParams(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static Map<String, String> jsonParams(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode node = parse(body);
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> params.put(e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        }
        return params;
    }

    static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
