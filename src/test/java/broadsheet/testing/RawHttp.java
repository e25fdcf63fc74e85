package broadsheet.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand over a socket, for what Java's HttpClient will not send: malformed chunks, a
 * declared length the body never reaches, addresses such as {@code //host/x}. {@link #open} keeps the
 * connection for a test that sends part of a request and waits for the answer with the rest held back.
 */
public final class RawHttp implements AutoCloseable {
    private final Socket socket;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    /** A connection to the app; the read timeout only turns a server that never answers into a failure. */
    public static RawHttp open(TestApp app) {
        try {
            Socket s = new Socket("localhost", URI.create(app.url("/")).getPort());
            s.setSoTimeout(60_000);
            return new RawHttp(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the request (head and whatever body is given) and reads the whole answer. */
    public static Answer exchange(TestApp app, String head, byte[] body) {
        try (RawHttp http = open(app)) {
            http.send(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) http.send(body);
            return http.answer();
        }
    }

    public static Answer exchange(TestApp app, String request) {
        return exchange(app, request, null);
    }

    public RawHttp send(byte[] bytes) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RawHttp send(String text) {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Reads one answer: its status line, headers and body (by Content-Length, chunks, or to the end). */
    public Answer answer() {
        try {
            InputStream in = socket.getInputStream();
            String status = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                headers.merge(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip(), (a, b) -> a + ", " + b);
            }
            byte[] body;
            if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
                    out.writeBytes(in.readNBytes(size));
                    line(in);
                }
                line(in);
                body = out.toByteArray();
            } else {
                body = in.readAllBytes();
            }
            return new Answer(status, headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) throw new IOException("the connection ended in the middle of an answer: " + out.toString(StandardCharsets.ISO_8859_1));
            if (b != '\r') out.write(b);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer as read off the wire; header names in lower case. */
    public record Answer(String statusLine, Map<String, String> headers, byte[] body) {
        public int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
