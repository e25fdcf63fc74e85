package broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.StaffRole;
import broadsheet.article.Article;
import broadsheet.testing.Desk;
import broadsheet.testing.Newsroom;
import broadsheet.testing.RegisteredRoutes;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import broadsheet.web.Role;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every newsroom route against every kind of visitor, over the real server. {@link #TABLE} says which role
 * each route needs; the first test checks it against the routes the server registered, so a new route
 * cannot be added without a line here. Then: anonymous visitors are sent to sign in (GET) or refused (POST),
 * each lower role is refused with 403 even with a good CSRF token, and every state-changing route refuses
 * a missing or wrong CSRF token. Nothing any of these requests does may change the database.
 */
@ExtendWith(TestDatabase.PerClass.class)
class NewsroomRoutesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    /** The newsroom's routes ("METHOD path" as in Routes.java; HEAD goes with GET) and the least role each needs. */
    static final Map<String, Role> TABLE = table(
            "GET /newsroom/login", Role.ANYONE,
            "POST /newsroom/login", Role.ANYONE,
            "GET /newsroom/login/code", Role.ANYONE,
            "POST /newsroom/login/code", Role.ANYONE,
            "GET /newsroom/setup", Role.ANYONE,
            "POST /newsroom/setup", Role.ANYONE,
            "POST /newsroom/logout", Role.CONTRIBUTOR,
            "GET /newsroom/", Role.CONTRIBUTOR,
            "GET /newsroom/articles/new", Role.CONTRIBUTOR,
            "POST /newsroom/articles", Role.CONTRIBUTOR,
            "GET /newsroom/articles/{id}", Role.CONTRIBUTOR,
            "POST /newsroom/articles/{id}/save", Role.CONTRIBUTOR,
            "POST /newsroom/articles/{id}/submit", Role.CONTRIBUTOR,
            "POST /newsroom/articles/{id}/publish", Role.EDITOR,
            "POST /newsroom/articles/{id}/schedule", Role.EDITOR,
            "POST /newsroom/articles/{id}/unpublish", Role.EDITOR,
            "POST /newsroom/articles/{id}/autosave", Role.CONTRIBUTOR,
            "GET /newsroom/articles/{id}/preview", Role.CONTRIBUTOR,
            "POST /newsroom/preview", Role.CONTRIBUTOR,
            "GET /newsroom/preview/new", Role.CONTRIBUTOR,
            "GET /newsroom/suggest/topics", Role.CONTRIBUTOR,
            "GET /newsroom/suggest/contributors", Role.CONTRIBUTOR,
            "GET /newsroom/account", Role.CONTRIBUTOR,
            "POST /newsroom/account/password", Role.CONTRIBUTOR,
            "GET /newsroom/account/two-factor", Role.CONTRIBUTOR,
            "POST /newsroom/account/two-factor", Role.CONTRIBUTOR,
            "POST /newsroom/account/two-factor/confirm", Role.CONTRIBUTOR,
            "POST /newsroom/account/two-factor/off", Role.CONTRIBUTOR,
            "GET /newsroom/audit/", Role.ADMIN,
            "GET /newsroom/settings", Role.ADMIN,
            "POST /newsroom/settings", Role.ADMIN,
            "GET /newsroom/webhooks/", Role.ADMIN,
            "GET /newsroom/webhooks", Role.ADMIN,
            "POST /newsroom/webhooks", Role.ADMIN,
            "GET /newsroom/webhooks/new", Role.ADMIN,
            "GET /newsroom/webhooks/{id}", Role.ADMIN,
            "POST /newsroom/webhooks/{id}", Role.ADMIN,
            "POST /newsroom/webhooks/{id}/secret", Role.ADMIN,
            "POST /newsroom/webhooks/{id}/ping", Role.ADMIN,
            "GET /newsroom/webhooks/{id}/deliveries/{delivery}", Role.ADMIN,
            "POST /newsroom/webhooks/{id}/deliveries/{delivery}/redeliver", Role.ADMIN,
            "GET /newsroom/plans/", Role.ADMIN,
            "POST /newsroom/plans", Role.ADMIN,
            "GET /newsroom/plans/{id}", Role.ADMIN,
            "POST /newsroom/plans/{id}", Role.ADMIN,
            "POST /newsroom/plans/{id}/retire", Role.ADMIN,
            "POST /newsroom/plans/{id}/offer", Role.ADMIN,
            "GET /newsroom/readers/", Role.ADMIN,
            "GET /newsroom/readers/{id}", Role.ADMIN,
            "POST /newsroom/readers/{id}/complimentary", Role.ADMIN,
            "POST /newsroom/readers/{id}/complimentary/{grant}/revoke", Role.ADMIN,
            "POST /newsroom/readers/{id}/subscriptions", Role.ADMIN,
            "POST /newsroom/readers/{id}/subscriptions/{subscription}/cancel", Role.ADMIN,
            "GET /newsroom/gifts/", Role.ADMIN,
            "POST /newsroom/gifts/{id}/revoke", Role.ADMIN,
            "GET /newsroom/staff/", Role.ADMIN,
            "POST /newsroom/staff/", Role.ADMIN,
            "GET /newsroom/staff/new", Role.ADMIN,
            "GET /newsroom/staff/{id}", Role.ADMIN,
            "POST /newsroom/staff/{id}/disable", Role.ADMIN,
            "POST /newsroom/staff/{id}/enable", Role.ADMIN,
            "POST /newsroom/staff/{id}/password", Role.ADMIN,
            "POST /newsroom/staff/{id}/role", Role.ADMIN,
            "POST /newsroom/staff/{id}/two-factor/off", Role.ADMIN,
            "GET /newsroom/tokens/", Role.ADMIN,
            "POST /newsroom/tokens", Role.ADMIN,
            "POST /newsroom/tokens/{id}/revoke", Role.ADMIN,
            "GET /newsroom/media/", Role.CONTRIBUTOR,
            "GET /newsroom/media", Role.CONTRIBUTOR,
            "POST /newsroom/media", Role.CONTRIBUTOR,
            "GET /newsroom/media/search.json", Role.CONTRIBUTOR,
            "GET /newsroom/media/{id}", Role.CONTRIBUTOR,
            "POST /newsroom/media/{id}", Role.EDITOR,
            "POST /newsroom/media/{id}/delete", Role.EDITOR,
            "GET /newsroom/sections/", Role.EDITOR,
            "GET /newsroom/sections", Role.EDITOR,
            "POST /newsroom/sections", Role.EDITOR,
            "GET /newsroom/sections/{id}", Role.EDITOR,
            "POST /newsroom/sections/{id}", Role.EDITOR,
            "POST /newsroom/sections/{id}/move", Role.EDITOR,
            "POST /newsroom/sections/{id}/delete", Role.EDITOR,
            "GET /newsroom/front-page", Role.EDITOR,
            "POST /newsroom/front-page/pick", Role.EDITOR,
            "POST /newsroom/front-page/clear", Role.EDITOR,
            "POST /newsroom/front-page/{id}/move", Role.EDITOR,
            "POST /newsroom/front-page/{id}/remove", Role.EDITOR,
            "GET /newsroom/contributors/", Role.EDITOR,
            "GET /newsroom/contributors", Role.EDITOR,
            "POST /newsroom/contributors", Role.EDITOR,
            "GET /newsroom/contributors/{id}", Role.EDITOR,
            "POST /newsroom/contributors/{id}", Role.EDITOR,
            "POST /newsroom/contributors/{id}/delete", Role.EDITOR,
            "POST /newsroom/contributors/{id}/link", Role.EDITOR,
            "POST /newsroom/contributors/{id}/unlink", Role.EDITOR,
            "GET /newsroom/articles/{id}/revisions", Role.CONTRIBUTOR,
            "GET /newsroom/articles/{id}/revisions/compare", Role.CONTRIBUTOR,
            "GET /newsroom/articles/{id}/revisions/{n}", Role.CONTRIBUTOR,
            "POST /newsroom/articles/{id}/revisions/{n}/restore", Role.CONTRIBUTOR,
            "GET /newsroom/pages/", Role.EDITOR,
            "GET /newsroom/pages/{slug}", Role.EDITOR,
            "POST /newsroom/pages/{slug}", Role.EDITOR,
            "GET /newsroom/topics/", Role.EDITOR,
            "GET /newsroom/topics", Role.EDITOR,
            "POST /newsroom/topics", Role.EDITOR,
            "GET /newsroom/topics/{id}", Role.EDITOR,
            "POST /newsroom/topics/{id}", Role.EDITOR,
            "POST /newsroom/topics/{id}/merge", Role.EDITOR,
            "POST /newsroom/topics/{id}/delete", Role.EDITOR,
            "GET /newsroom/comments/", Role.MODERATOR,
            "POST /newsroom/comments/bulk", Role.MODERATOR,
            "POST /newsroom/comments/{id}/approve", Role.MODERATOR,
            "POST /newsroom/comments/{id}/reject", Role.MODERATOR,
            "POST /newsroom/comments/{id}/feature", Role.MODERATOR,
            "POST /newsroom/comments/{id}/unfeature", Role.MODERATOR,
            "GET /newsroom/comments/words", Role.MODERATOR,
            "POST /newsroom/comments/words", Role.MODERATOR,
            "GET /newsroom/commenters/{readerId}", Role.MODERATOR,
            "POST /newsroom/commenters/{readerId}/warn", Role.MODERATOR,
            "POST /newsroom/commenters/{readerId}/suspend", Role.MODERATOR,
            "POST /newsroom/commenters/{readerId}/ban", Role.MODERATOR,
            "POST /newsroom/commenters/{readerId}/lift", Role.MODERATOR,
            "GET /newsroom/articles/{id}/comments", Role.MODERATOR,
            "POST /newsroom/articles/{id}/comments", Role.MODERATOR);

    private static final Map<StaffRole, Newsroom.Client> people = new EnumMap<>(StaffRole.class);
    private static final Map<StaffRole, String> csrf = new EnumMap<>(StaffRole.class);
    /** A draft of the contributor's own, so only the route's role can be what refuses them. */
    private static long articleId;
    private static Article article;
    private static Map<String, Long> rows;

    @BeforeAll
    static void newsroom() {
        Desk.section("world-news", "World news");
        for (StaffRole role : StaffRole.values()) {
            var client = Newsroom.signedIn(app, role);
            people.put(role, client);
            csrf.put(role, Newsroom.csrf(client.get("/newsroom/").body()));
        }
        var created = people.get(StaffRole.CONTRIBUTOR).submit("/newsroom/articles/new", "/newsroom/articles", form(null));
        assertThat(created.statusCode()).isEqualTo(303);
        String location = created.headers().firstValue("Location").orElseThrow();
        articleId = Long.parseLong(location.replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
        article = Desk.article(articleId);
        rows = TestDatabase.rowCounts();
    }

    @Test
    void everyRegisteredRouteNamesARole() {
        assertThat(RegisteredRoutes.of(app.app())).allSatisfy(r -> assertThat(r.roles()).as(r.key()).hasSize(1));
    }

    @Test
    void theTableHereListsEveryNewsroomRouteWithTheRoleItIsRegisteredWith() {
        Map<String, Role> registered = new LinkedHashMap<>();
        Map<String, String> heads = new LinkedHashMap<>();
        for (var r : RegisteredRoutes.of(app.app())) {
            if (!r.path().startsWith("/newsroom")) continue;
            String role = r.roles().iterator().next();
            if (r.method().equals("HEAD")) heads.put(r.path(), role);
            else registered.put(r.key(), Role.valueOf(role));
        }
        registered.forEach((key, role) -> {
            if (key.startsWith("GET ")) assertThat(heads).as("HEAD of " + key).containsEntry(key.substring(4), role.name());
        });

        List<String> missing = new ArrayList<>();
        registered.forEach((key, role) -> {
            if (!TABLE.containsKey(key)) missing.add("\"" + key + "\", Role." + role + ",");
        });
        assertThat(missing).as("routes registered without a line in NewsroomRoutesIT.TABLE (add these lines)").isEmpty();
        assertThat(registered).as("the roles in Routes.java").containsExactlyInAnyOrderEntriesOf(TABLE);
    }

    static Stream<String> protectedRoutes() {
        return TABLE.entrySet().stream().filter(e -> e.getValue() != Role.ANYONE).map(Map.Entry::getKey);
    }

    @ParameterizedTest
    @MethodSource("protectedRoutes")
    void anonymousVisitorsAreSentToSignInOrRefused(String route) {
        String path = path(route);
        var anonymous = Newsroom.anonymous(app);
        if (route.startsWith("GET ")) {
            for (String method : List.of("GET", "HEAD")) {
                var r = app.request(method, path);
                assertThat(r.statusCode()).as(method + " " + path).isEqualTo(303);
                assertThat(r.headers().firstValue("Location"))
                        .contains("/newsroom/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
                assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
            }
        } else {
            var r = anonymous.post(path, form(article.version()));
            assertThat(r.statusCode()).as("POST " + path).isEqualTo(403);
        }
        assertNothingChanged();
    }

    static Stream<Arguments> routesAndLowerRoles() {
        return TABLE.entrySet().stream().filter(e -> e.getValue() != Role.ANYONE)
                .flatMap(e -> Stream.of(StaffRole.values()).filter(r -> !r.atLeast(e.getValue().staffRole()))
                        .map(r -> Arguments.of(e.getKey(), r)));
    }

    @ParameterizedTest(name = "{0} refuses a {1}")
    @MethodSource("routesAndLowerRoles")
    void eachRouteRefusesTheRolesBelowIt(String route, StaffRole who) {
        Role needed = TABLE.get(route);
        var client = people.get(who);
        HttpResponse<String> r;
        if (route.startsWith("GET ")) {
            r = client.get(path(route));
        } else {
            Map<String, String> withToken = new LinkedHashMap<>(form(article.version()));
            withToken.put("_csrf", csrf.get(who));
            r = client.post(path(route), withToken);
        }
        assertThat(r.statusCode()).as(route + " as " + who).isEqualTo(403);
        assertThat(r.body()).contains("This needs the " + needed.staffRole().word() + " role");
        assertNothingChanged();
    }

    static Stream<String> readRoutes() {
        return protectedRoutes().filter(k -> k.startsWith("GET "));
    }

    @ParameterizedTest
    @MethodSource("readRoutes")
    void eachPageLetsInItsRoleAndThoseAbove(String route) {
        for (StaffRole who : StaffRole.values()) {
            if (!who.atLeast(TABLE.get(route).staffRole())) continue;
            var r = people.get(who).get(path(route));
            // an article's pages may still refuse someone it is not open to; the route itself must not
            assertThat(r.statusCode()).as(route + " as " + who).isNotEqualTo(401);
            // a page may send its visitor elsewhere in the newsroom (an enrolment with nothing pending), never to sign in
            assertThat(r.headers().firstValue("Location").orElse("")).as(route + " as " + who).doesNotContain("/newsroom/login");
            assertThat(r.body()).as(route + " as " + who).doesNotContain("This needs the");
            assertThat(r.headers().firstValue("Cache-Control")).as(route + " as " + who).contains("no-store");
        }
        assertNothingChanged();
    }

    static Stream<Arguments> formsAndBadTokens() {
        return protectedRoutes().filter(k -> !k.startsWith("GET "))
                .flatMap(k -> Stream.of("missing", "empty", "wrong", "another session's", "wrong header").map(t -> Arguments.of(k, t)));
    }

    @ParameterizedTest(name = "{0} with a {1} token")
    @MethodSource("formsAndBadTokens")
    void everyStateChangingRouteRefusesAMissingOrWrongCsrfToken(String route, String token) {
        var admin = people.get(StaffRole.ADMIN);
        Map<String, String> form = new LinkedHashMap<>(form(article.version()));
        switch (token) {
            case "empty" -> form.put("_csrf", "");
            case "wrong" -> form.put("_csrf", csrf.get(StaffRole.ADMIN).substring(1) + "x");
            case "another session's" -> form.put("_csrf", csrf.get(StaffRole.EDITOR));
            case "wrong header" -> form.put("_csrf", csrf.get(StaffRole.ADMIN));
            default -> { }
        }
        var r = token.equals("wrong header")
                ? admin.postWithHeader(path(route), form, "X-CSRF-Token", "not-the-token")
                : admin.post(path(route), form);

        assertThat(r.statusCode()).as(route).isEqualTo(403);
        assertThat(r.body()).contains("nothing was saved");
        assertNothingChanged();
        assertThat(admin.get("/newsroom/").statusCode()).as("still signed in").isEqualTo(200);
    }

    private static void assertNothingChanged() {
        assertThat(Desk.article(articleId)).isEqualTo(article);
        assertThat(TestDatabase.rowCounts()).isEqualTo(rows);
    }

    /** The route's path with its parameters filled in: the contributor's draft for {id}, 1 for anything else. */
    private static String path(String route) {
        String path = route.substring(route.indexOf(' ') + 1);
        return path.replace("{id}", String.valueOf(articleId)).replaceAll("\\{[^}]+}|<[^>]+>", "1");
    }

    /** A full editor form, so a request that got through would change the article. */
    static Map<String, String> form(Integer version) {
        Map<String, String> f = new LinkedHashMap<>();
        if (version != null) f.put("version", String.valueOf(version));
        f.put("headline", "Refused requests change nothing " + (version == null ? "" : "(changed)"));
        f.put("standfirst", "A standfirst");
        f.put("section", "world-news");
        f.put("bylines", "Contributor Person");
        f.put("topics", "Security");
        f.put("body", "A paragraph.");
        f.put("change", "update");
        f.put("note", "Changed");
        f.put("scheduleAt", "2025-12-08T07:00");
        return f;
    }

    private static Map<String, Role> table(Object... pairs) {
        Map<String, Role> t = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) t.put((String) pairs[i], (Role) pairs[i + 1]);
        return t;
    }
}
