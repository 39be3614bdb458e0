package ticketdesk.admin.api;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on a local socket: it records every request (headers and body) and answers 500 to the first
 * {@code failFirst} of them, 200 afterwards, as a service that was down and came back.
 */
final class Receiver implements AutoCloseable {

    record Request(Map<String, List<String>> headers, String body, int answered) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;
    private final HttpServer server;

    Receiver(int failFirst) {
        this.failuresLeft = new AtomicInteger(failFirst);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            requests.add(new Request(Map.copyOf(exchange.getRequestHeaders()), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    List<Request> delivered() {
        return requests.stream().filter(r -> r.answered() == 200).toList();
    }

    void failNext(int count) {
        failuresLeft.set(count);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
