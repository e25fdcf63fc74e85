package broadsheet.testing;

import broadsheet.App;
import broadsheet.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server on a free port, over the test database, with a fixed clock. Register it as a static
 * field with {@code @RegisterExtension}; it starts before the class's tests and stops after them. Its
 * picture folder is emptied whenever the test database is (see {@link TestDatabase#clean}).
 */
public final class TestApp implements BeforeAllCallback, AfterAllCallback {
    /** "Now" in every server test: a winter Sunday afternoon. */
    public static final Instant NOW = Instant.parse("2025-12-07T15:00:00Z");
    public static final String BASE_URL = "https://news.example.test";
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> settings = new HashMap<>();
    private final TestClock clock = new TestClock(NOW);
    private App app;
    private Path dataDir;

    public TestApp with(String key, String value) {
        settings.put(key, value);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        dataDir = TestDatabase.tempDir("app-");
        Map<String, String> flags = new HashMap<>(Map.of(Config.DATA.key(), dataDir.toString(), Config.PORT.key(), "0",
                Config.BASE_URL.key(), BASE_URL, Config.PAGE_CACHE_MB.key(), "0",
                // the tests stand in for a load balancer on this machine
                Config.TRUSTED_PROXIES.key(), "127.0.0.1, ::1"));
        flags.putAll(settings);
        Config config = Config.load(Map.of(), flags);
        app = App.onDatabase(config, clock, TestDatabase.database()).start();
        TestDatabase.keepsFilesIn(config.mediaDir());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (app != null) {
            TestDatabase.forgetFilesIn(app.config().mediaDir());
            app.close();
        }
    }

    public App app() {
        return app;
    }

    /** The server's clock: {@link #NOW} until a test moves it. */
    public TestClock clock() {
        return clock;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Fixtures that store their pictures where this server serves them from. */
    public Fixtures fixtures() {
        return new Fixtures(dataDir);
    }

    public String url(String path) {
        return "http://localhost:" + app.port() + path;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, HttpResponse.BodyHandlers.ofString(), headers);
    }

    /** The page at {@code path}, parsed; fails the test unless it answers 200. */
    public Document page(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) throw new AssertionError(path + " answered " + response.statusCode() + ", not 200");
        return Html.parse(response);
    }

    /** Any method, no body; for what GET cannot show (HEAD, refused POSTs). */
    public HttpResponse<String> request(String method, String path, String... headers) {
        return send(method, path, HttpResponse.BodyHandlers.ofString(), headers);
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        return send("GET", path, HttpResponse.BodyHandlers.ofByteArray(), headers);
    }

    private <T> HttpResponse<T> send(String method, String path, HttpResponse.BodyHandler<T> body, String... headers) {
        try {
            var builder = HttpRequest.newBuilder(URI.create(url(path))).method(method, HttpRequest.BodyPublishers.noBody());
            for (int i = 0; i + 1 < headers.length; i += 2) builder.header(headers[i], headers[i + 1]);
            return CLIENT.send(builder.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
