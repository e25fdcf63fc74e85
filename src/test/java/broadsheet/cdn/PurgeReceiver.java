package broadsheet.cdn;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A stand-in CDN on 127.0.0.1 for tests: it keeps every purge it gets (method, path, the headers purges carry) and
 * answers each with the next planned status (200 once the plan runs out); {@link #HOLD} makes it hang until closed.
 */
final class PurgeReceiver implements AutoCloseable {
    static final int HOLD = -1;

    /** One request as the receiver got it. */
    record Purge(String method, String path, String xkey, String surrogateKey, String fastlyKey) {
        /** The keys it named, in whichever header its kind uses. */
        List<String> keys() {
            String keys = xkey != null ? xkey : surrogateKey;
            return keys == null ? List.of() : Arrays.asList(keys.split(" "));
        }
    }

    private final HttpServer server;
    private final List<Purge> purges = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> planned = new ConcurrentLinkedQueue<>();
    private final CountDownLatch released = new CountDownLatch(1);

    PurgeReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            Integer status = planned.poll();
            if (status != null && status == HOLD) {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 200;
            }
            purges.add(new Purge(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), h.getFirst("xkey-purge"),
                    h.getFirst("Surrogate-Key"), h.getFirst("Fastly-Key")));
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    PurgeReceiver answer(Integer... statuses) {
        planned.addAll(List.of(statuses));
        return this;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    List<Purge> purges() {
        return List.copyOf(purges);
    }

    /** Every key purged, once per time it was named. */
    List<String> keys() {
        return purges.stream().flatMap(p -> p.keys().stream()).toList();
    }

    /** Forgets the purges got so far (a receiver shared by a class's tests, whose article ids start again at 1). */
    void forget() {
        purges.clear();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
