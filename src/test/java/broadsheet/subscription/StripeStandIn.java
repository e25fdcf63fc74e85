package broadsheet.subscription;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server standing in for api.stripe.com: it records every request (method, path, form parameters,
 * authorisation) and answers a Checkout or Customer Portal session with a URL of its own.
 */
final class StripeStandIn implements AutoCloseable {
    /** One request as the library sent it; {@code form} is the decoded body, keys as Stripe's form encoding writes them. */
    record Request(String method, String path, Map<String, String> form, String authorization) {}

    static final String CHECKOUT_URL = "https://checkout.stripe.test/c/pay/cs_test_1";
    static final String PORTAL_URL = "https://billing.stripe.test/p/session/bps_1";
    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    StripeStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(exchange.getRequestMethod(), path, decode(body), exchange.getRequestHeaders().getFirst("Authorization")));
            String answer = switch (path) {
                case "/v1/checkout/sessions" -> "{\"id\":\"cs_test_1\",\"object\":\"checkout.session\",\"mode\":\"subscription\",\"url\":\"" + CHECKOUT_URL + "\"}";
                case "/v1/billing_portal/sessions" -> "{\"id\":\"bps_1\",\"object\":\"billing_portal.session\",\"url\":\"" + PORTAL_URL + "\"}";
                default -> null;
            };
            byte[] bytes = (answer != null ? answer : "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"no such thing\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer != null ? 200 : 404, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forgets the requests recorded so far (a stand-in shared by the tests of a class). */
    void clear() {
        requests.clear();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private static Map<String, String> decode(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body.isEmpty()) return out;
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
