package broadsheet.api.admin;

import broadsheet.account.ApiTokens;
import broadsheet.shared.StaffRole;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import broadsheet.shared.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A program using the Admin API with one token: JSON in, JSON out. */
public final class AdminApiClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final TestApp app;
    private final String token;

    AdminApiClient(TestApp app, String token) {
        this.app = app;
        this.token = token;
    }

    /** A client with a new token of this role, made straight in the database. */
    public static AdminApiClient withRole(TestApp app, StaffRole role) {
        String value = TestDatabase.jdbi().inTransaction(h -> ApiTokens.create(h, role.word() + " bridge", role, null, TestApp.NOW));
        return new AdminApiClient(app, value);
    }

    String token() {
        return token;
    }

    /** A complete article for the world-news section. */
    static Map<String, Object> draft(String headline) {
        return Map.of("headline", headline, "standfirst", "Ministers meet at the quayside", "section", "world-news",
                "bylines", List.of("Our Foreign Staff"), "topics", List.of("Harbours", "Trade"),
                "body", "The harbour vote was delayed.\n\nMinisters will meet again.", "access", "free", "comments", "open");
    }

    /** Creates a draft, which must succeed; returns the article. */
    JsonNode created(String headline) {
        var r = post("/articles", draft(headline));
        if (r.status() != 201) throw new AssertionError("create failed: " + r.status() + " " + r.text());
        return r.json();
    }

    /** An answer, with its body read as JSON when it is JSON. */
    public record Answer(HttpResponse<byte[]> response) {
        public int status() {
            return response.statusCode();
        }

        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String text() {
            return new String(response.body(), StandardCharsets.UTF_8);
        }
    }

    Answer get(String path) {
        return send("GET", path, null, null);
    }

    public Answer post(String path, Object json) {
        return send("POST", path, "application/json", json == null ? null : Json.bytes(json));
    }

    Answer put(String path, Object json) {
        return send("PUT", path, "application/json", Json.bytes(json));
    }

    Answer send(String method, String path, String contentType, byte[] body, String... headers) {
        var b = HttpRequest.newBuilder(URI.create(app.url("/api/admin/v1" + path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (contentType != null) b.header("Content-Type", contentType);
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            return new Answer(HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
