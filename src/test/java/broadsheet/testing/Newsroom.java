package broadsheet.testing;

import broadsheet.shared.AuditLog;
import broadsheet.account.Passwords;
import broadsheet.account.Sessions;
import broadsheet.account.StaffAccounts;
import broadsheet.shared.StaffRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Staff for newsroom tests: accounts made directly in the test database (with cheap password hashing),
 * and a signed-in browser-like client that keeps its session cookie and sends the CSRF token with forms.
 */
public final class Newsroom {
    /** Every test account's password. */
    public static final String PASSWORD = "correct horse battery staple";
    private static final Passwords CHEAP = new Passwords(1024, 1);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private Newsroom() {}

    /** Creates an account with {@link #PASSWORD}; returns its id. */
    public static long staff(StaffRole role, String email, String name) {
        var accounts = new StaffAccounts(TestDatabase.jdbi(), CHEAP, new Sessions(TestDatabase.jdbi()));
        return accounts.create(AuditLog.Actor.system("test"), email, name, role, PASSWORD, TestApp.NOW);
    }

    /** Creates an account for the role ("editor@test.example", "Edna Editor") and signs it in. */
    public static Client signedIn(TestApp app, StaffRole role) {
        String word = role.word();
        staff(role, word + "@test.example", Character.toUpperCase(word.charAt(0)) + word.substring(1) + " Person");
        return signIn(app, word + "@test.example", PASSWORD);
    }

    /** A client with no session yet. */
    public static Client anonymous(TestApp app) {
        return new Client(app);
    }

    public static Client signIn(TestApp app, String email, String password) {
        Client c = new Client(app);
        String form = c.get("/newsroom/login").body();
        HttpResponse<String> r = c.post("/newsroom/login", Map.of("_csrf", csrf(form), "email", email, "password", password, "next", "/newsroom/"));
        if (r.statusCode() != 303) throw new AssertionError("sign-in failed: " + r.statusCode() + "\n" + r.body());
        return c;
    }

    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) throw new AssertionError("no CSRF token in the page");
        return m.group(1);
    }

    /** A client with a cookie jar, not following redirects. */
    public static final class Client {
        private final TestApp app;
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        Client(TestApp app) {
            this.app = app;
        }

        public HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(app.url(path))).GET());
        }

        /** Posts a form as is (add "_csrf" yourself to test refusals). */
        public HttpResponse<String> post(String path, Map<String, String> form) {
            String body = form.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(app.url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        /** Posts a form body already encoded, for a field sent more than once (ticked checkboxes); add "_csrf" to it yourself. */
        public HttpResponse<String> postEncoded(String path, String body) {
            return send(HttpRequest.newBuilder(URI.create(app.url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        /** Posts a form with the CSRF token of the page at {@code formPage}. */
        public HttpResponse<String> submit(String formPage, String path, Map<String, String> form) {
            Map<String, String> withToken = new LinkedHashMap<>(form);
            withToken.put("_csrf", csrf(get(formPage).body()));
            return post(path, withToken);
        }

        /** Posts a multipart form (a file upload) as is; add "_csrf" to it yourself. */
        public HttpResponse<String> postMultipart(String path, Multipart form) {
            return send(HttpRequest.newBuilder(URI.create(app.url(path)))
                    .header("Content-Type", form.contentType())
                    .POST(form.publisher()));
        }

        public String cookie(String name) {
            return cookies.get(name);
        }

        /** Puts a cookie in the jar as if a server had set it (to test what the server makes of it). */
        public void setCookie(String name, String value) {
            cookies.put(name, value);
        }

        /** Posts a form as is, with one more request header (such as {@code X-CSRF-Token}). */
        public HttpResponse<String> postWithHeader(String path, Map<String, String> form, String header, String value) {
            String body = form.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(app.url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header(header, value)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpResponse<String> send(HttpRequest.Builder b) {
            if (!cookies.isEmpty()) {
                b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
            }
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                for (String set : r.headers().allValues("Set-Cookie")) {
                    String pair = set.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    String name = pair.substring(0, eq);
                    String value = pair.substring(eq + 1);
                    if (value.isEmpty() || set.contains("Max-Age=0")) cookies.remove(name); else cookies.put(name, value);
                }
                return r;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String enc(String s) {
            return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
        }
    }
}
