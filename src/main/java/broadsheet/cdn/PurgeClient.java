package broadsheet.cdn;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends purges to the configured endpoints, every endpoint every key. Varnish (with the xkey module): {@code PURGE} to
 * the listener with the keys, space-separated, in {@code xkey-purge}; everything is a {@code BAN}. Fastly: {@code POST
 * <service address>/purge} with the keys in {@code Surrogate-Key} and the API token in {@code Fastly-Key}; everything is
 * {@code POST <service address>/purge_all}. Keys go in batches small enough for a header. Anything but a 2xx answer,
 * or no answer within the timeout, is a failure; nothing here retries (the outbox does).
 */
public final class PurgeClient {
    /** The key that stands for every cached response. */
    public static final String EVERYTHING = "*";
    /** Most keys in one request (Fastly takes 256 at most; a Varnish header stays a few kilobytes). */
    static final int BATCH = 100;

    /** Which kind of cache the endpoints are. */
    public enum Kind { VARNISH, FASTLY }

    /**
     * @param urls    Varnish listeners (http://varnish:6081) or Fastly service addresses (https://api.fastly.com/service/ID)
     * @param token   Fastly's API token; unused for Varnish
     * @param timeout the longest one request may take, answer included
     */
    public record Settings(Kind kind, List<URI> urls, String token, Duration timeout) {}

    /** Why a purge did not go out, for the log and the outbox row. */
    public static final class PurgeFailed extends Exception {
        PurgeFailed(String message) {
            super(message);
        }
    }

    private final Settings settings;
    private final HttpClient http;

    public PurgeClient(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout()).build();
    }

    /** Purges {@code keys} at every endpoint; throws naming the first endpoint that did not take them. */
    public void purge(List<String> keys) throws PurgeFailed {
        List<HttpRequest> requests = new ArrayList<>();
        for (URI url : settings.urls()) {
            if (keys.contains(EVERYTHING)) {
                requests.add(everything(url));
                continue;
            }
            for (int from = 0; from < keys.size(); from += BATCH) {
                requests.add(some(url, String.join(" ", keys.subList(from, Math.min(keys.size(), from + BATCH)))));
            }
        }
        for (HttpRequest request : requests) send(request);
    }

    private HttpRequest some(URI url, String keys) {
        return switch (settings.kind()) {
            case VARNISH -> request(url).header("xkey-purge", keys).method("PURGE", HttpRequest.BodyPublishers.noBody()).build();
            case FASTLY -> request(under(url, "/purge")).header("Surrogate-Key", keys).header("Fastly-Key", settings.token())
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
        };
    }

    private HttpRequest everything(URI url) {
        return switch (settings.kind()) {
            case VARNISH -> request(url).method("BAN", HttpRequest.BodyPublishers.noBody()).build();
            case FASTLY -> request(under(url, "/purge_all")).header("Fastly-Key", settings.token())
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
        };
    }

    private HttpRequest.Builder request(URI url) {
        return HttpRequest.newBuilder(url).timeout(settings.timeout()).header("User-Agent", "Broadsheet-Purge/1");
    }

    private static URI under(URI service, String path) {
        String s = service.toString();
        return URI.create((s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + path);
    }

    private void send(HttpRequest request) throws PurgeFailed {
        String where = request.method() + " " + request.uri();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                in.readNBytes(4096);
            }
            if (response.statusCode() / 100 != 2) throw new PurgeFailed(where + " answered " + response.statusCode());
        } catch (IOException e) {
            throw new PurgeFailed(where + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PurgeFailed(where + " interrupted");
        }
    }
}
