package broadsheet.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver on 127.0.0.1 for tests: it keeps every request it gets (headers and body) and answers each with
 * the next planned status (200 once the plan runs out).
 */
final class Receiver implements AutoCloseable {
    /** One request as the receiver got it. */
    record Request(Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> planned = new ConcurrentLinkedQueue<>();
    /** Requests answered {@link #HOLD} wait for this before they answer: a receiver that hangs. */
    private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
    /** A planned "status" that makes the receiver hang until {@link #close}. */
    static final int HOLD = -1;

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(Map.copyOf(exchange.getRequestHeaders()), body));
            Integer status = planned.poll();
            if (status != null && status == HOLD) {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 200;
            }
            int code = status == null ? 200 : status;
            byte[] answer = ("answer " + code).getBytes(StandardCharsets.UTF_8);
            if (code >= 300 && code < 400) exchange.getResponseHeaders().add("Location", "https://elsewhere.example/");
            exchange.sendResponseHeaders(code, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** The next requests are answered with these statuses, in order. */
    Receiver answer(Integer... statuses) {
        planned.addAll(List.of(statuses));
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
