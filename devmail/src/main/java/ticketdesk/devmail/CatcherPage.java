package ticketdesk.devmail;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page an admin opens to see what ticketdesk sent: {@code /} lists the caught mail newest first,
 * {@code /messages/N} shows one, {@code /messages/N/raw} its source; {@code /health} answers UP while the mail
 * servers run. Read-only, every value escaped, and served with headers that let nothing in a mail execute.
 */
final class CatcherPage {

    private static final Pattern MESSAGE = Pattern.compile("^/messages/(\\d{1,18})(/raw)?$");

    private final HttpServer server;
    private final Supplier<MailFolder> caught;
    private final IntSupplier supportCount;
    private final BooleanSupplier running;
    private final String supportAddress;

    private CatcherPage(HttpServer server, DevMailSettings settings, Supplier<MailFolder> caught,
                        IntSupplier supportCount, BooleanSupplier running) {
        this.server = server;
        this.caught = caught;
        this.supportCount = supportCount;
        this.running = running;
        this.supportAddress = settings.supportAddress();
    }

    static CatcherPage start(DevMailSettings settings, Supplier<MailFolder> caught, IntSupplier supportCount,
                             BooleanSupplier running) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(settings.bindAddress(), settings.webPort()), 0);
            CatcherPage page = new CatcherPage(server, settings, caught, supportCount, running);
            server.createContext("/", page::handle);
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.start();
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException("the caught-mail page cannot listen on port " + settings.webPort(), e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            if (method.equals("GET") || method.equals("HEAD")) {
                route(exchange, exchange.getRequestURI().getPath());
            } else {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain", "read-only\n");
            }
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String path) throws IOException {
        Matcher message = MESSAGE.matcher(path);
        StoredMessage stored = message.matches() ? caught.get().getMessage(Long.parseLong(message.group(1))) : null;
        if (path.equals("/")) {
            send(exchange, 200, "text/html", CaughtMailView.list(newestFirst(), supportAddress, supportCount.getAsInt()));
        } else if (path.equals("/health")) {
            boolean up = running.getAsBoolean();
            send(exchange, up ? 200 : 503, "text/plain", up ? "UP\n" : "DOWN\n");
        } else if (stored != null) {
            if (message.group(2) == null) {
                send(exchange, 200, "text/html", CaughtMailView.message(stored));
            } else {
                send(exchange, 200, "text/plain", CaughtMailView.source(stored));
            }
        } else {
            send(exchange, 404, "text/html", CaughtMailView.notFound());
        }
    }

    private List<StoredMessage> newestFirst() {
        return caught.get().getMessages().stream()
                .sorted(Comparator.comparingLong(StoredMessage::getUid).reversed()).toList();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type + "; charset=utf-8");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
