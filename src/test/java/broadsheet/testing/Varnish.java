package broadsheet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real varnishd on 127.0.0.1 for tests, running the shipped {@code deploy/varnish/broadsheet.vcl} in front of the
 * given instances (its backends {@code a} and {@code b}; one port given serves as both), in a folder of its own.
 * Debian's varnish and varnish-modules (vmod xkey) must be installed; .ci/run installs them.
 */
public final class Varnish implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Process process;
    private final Path folder;
    private final int port;

    private Varnish(Process process, Path folder, int port) {
        this.process = process;
        this.folder = folder;
        this.port = port;
    }

    /** Starts varnishd on {@code port} in front of the instances on {@code backendPorts}, and waits until it answers through them. */
    public static Varnish start(int port, int... backendPorts) {
        Path folder = TestDatabase.tempDir("varnish-");
        Path vcl = Path.of("deploy", "varnish").toAbsolutePath();
        try {
            int a = backendPorts[0];
            int b = backendPorts.length > 1 ? backendPorts[1] : a;
            Files.writeString(folder.resolve("backends.vcl"), backend("a", a) + backend("b", b));
            List<String> command = new ArrayList<>(List.of("varnishd", "-F", "-j", "none", "-n", folder.resolve("n").toString(),
                    "-a", "127.0.0.1:" + port, "-f", vcl.resolve("broadsheet.vcl").toString(),
                    "-p", "vcl_path=" + folder + ":" + vcl, "-s", "malloc,32m"));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(folder.resolve("varnishd.log").toFile()).start();
            var varnish = new Varnish(p, folder, port);
            varnish.awaitAnswering();
            return varnish;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String backend(String name, int port) {
        return "backend " + name + " { .host = \"127.0.0.1\"; .port = \"" + port + "\"; .probe = readyz; .connect_timeout = 1s; }\n";
    }

    private void awaitAnswering() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("varnishd stopped: " + log());
            try {
                if (get("/healthz").statusCode() == 200) return;
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("varnishd did not answer through its backends: " + log());
    }

    private String log() {
        try {
            return Files.readString(folder.resolve("varnishd.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A GET through Varnish with these header name/value pairs. */
    public HttpResponse<String> get(String path, String... headers) {
        try {
            var builder = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).GET();
            for (int i = 0; i + 1 < headers.length; i += 2) builder.header(headers[i], headers[i + 1]);
            return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** HIT, MISS or PASS, as the VCL says in X-Cache. */
    public static String cache(HttpResponse<?> response) {
        return response.headers().firstValue("X-Cache").orElse("");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
