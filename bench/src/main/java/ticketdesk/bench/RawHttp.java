package ticketdesk.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 keep-alive connection that writes prepared request bytes and reads the status. The load
 * generator shares the machine's two cores with the app and MariaDB; {@code java.net.http} plus signing
 * each request as it goes cost about 1.2 ms of CPU per click, a third of what the app needed, so the claim
 * storm and the slash scenario sign their requests beforehand and send them through this instead.
 */
final class RawHttp implements AutoCloseable {

    private final URI base;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    RawHttp(URI base) {
        this.base = base;
    }

    /** The bytes of {@code POST /slack/events} carrying {@code signed}. */
    static byte[] slackEvent(URI base, SlackRequests.Signed signed) {
        byte[] body = signed.body().getBytes(StandardCharsets.UTF_8);
        String head = "POST /slack/events HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Content-Type: " + signed.contentType() + "\r\n"
                + "X-Slack-Request-Timestamp: " + signed.timestamp() + "\r\n"
                + "X-Slack-Signature: " + signed.signature() + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /** A response: its status and body. */
    record Answer(int status, String body) {
    }

    /** Sends the request and returns the response's status code (the body is read and dropped). */
    int send(byte[] request) throws IOException {
        return exchange(request, false).status();
    }

    /** Sends the request and returns the response with its body. */
    Answer exchange(byte[] request) throws IOException {
        return exchange(request, true);
    }

    private Answer exchange(byte[] request, boolean keepBody) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            return readResponse(keepBody);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        socket = new Socket(base.getHost(), base.getPort());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    private Answer readResponse(boolean keepBody) throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
        if (chunked) {
            for (long chunk = Long.parseLong(line().trim(), 16); chunk > 0; chunk = Long.parseLong(line().trim(), 16)) {
                read(chunk, body);
                line();
            }
            line();
        } else if (length > 0) {
            read(length, body);
        }
        if (close) {
            close();
        }
        return new Answer(code, body == null ? "" : body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed by " + base);
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    private void read(long n, ByteArrayOutputStream body) throws IOException {
        if (body != null) {
            byte[] bytes = in.readNBytes((int) n);
            if (bytes.length < n) {
                throw new EOFException("connection closed by " + base);
            }
            body.write(bytes);
            return;
        }
        for (long left = n; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed by " + base);
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing left to read from it
            }
            socket = null;
        }
    }
}
