package broadsheet.topic;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Config;
import broadsheet.importing.ArticleSource;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The newsroom's topic pages over HTTP, with the page cache on as in production: who may use them, the
 * list, creating and changing a topic (refusals keep nothing), merging and deleting after a question, the
 * audit log, and the public site and Content API following each change (earlier addresses answer 301).
 */
@ExtendWith(TestDatabase.class)
class NewsroomTopicPagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with(Config.PAGE_CACHE_MB.key(), "16");
    private static final String HARBOUR = "/world-news/2025/12/07/harbour-talks/";

    @ParameterizedTest
    @EnumSource(value = StaffRole.class, names = {"CONTRIBUTOR", "REPORTER"})
    void onlyEditorsAndAdminsMayManageTopics(StaffRole role) {
        app.fixtures().store(NOW, story("Harbour talks").topics("Ukraine war").build(), story("Other").topics("War in Ukraine").build());
        long id = topicId("Ukraine war");
        var client = Newsroom.signedIn(app, role);
        String csrf = Newsroom.csrf(client.get("/newsroom/").body());
        Map<String, Long> rows = TestDatabase.rowCounts();

        assertThat(client.get("/newsroom/").body()).doesNotContain("/newsroom/topics/");
        for (String page : List.of("/newsroom/topics/", "/newsroom/topics/" + id)) {
            var r = client.get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(403);
            assertThat(r.body()).contains("This needs the editor role");
        }
        Map<String, String> form = Map.of("_csrf", csrf, "name", "Changed", "slug", "changed", "description", "",
                "keep", String.valueOf(topicId("War in Ukraine")), "confirm", "yes");
        for (String action : List.of("/newsroom/topics", "/newsroom/topics/" + id, "/newsroom/topics/" + id + "/merge",
                "/newsroom/topics/" + id + "/delete")) {
            assertThat(client.post(action, form).statusCode()).as(action).isEqualTo(403);
        }
        assertThat(TestDatabase.rowCounts()).isEqualTo(rows);
        assertThat(topicId("Ukraine war")).isEqualTo(id);
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndTheirFormsRefused() {
        app.fixtures().store(NOW, story("Harbour talks").topics("Ports").build());
        long id = topicId("Ports");

        var r = app.get("/newsroom/topics/");
        var post = Newsroom.anonymous(app).post("/newsroom/topics/" + id + "/delete", Map.of("confirm", "yes"));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/newsroom/login?next=%2Fnewsroom%2Ftopics%2F");
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(topicId("Ports")).isEqualTo(id);
    }

    @Test
    void editorsAndAdminsFindTopicsInTheNewsroomNavigation() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);

        assertThat(Html.parse(editor.get("/newsroom/")).select("nav.nr-nav a[href=/newsroom/topics/]").text()).isEqualTo("Topics");
        assertThat(Html.parse(admin.get("/newsroom/")).select("nav.nr-nav a[href=/newsroom/topics/]")).hasSize(1);
        Document list = Html.parse(editor.get("/newsroom/topics/"));
        assertThat(list.select("nav.nr-nav a[aria-current=page]").text()).isEqualTo("Topics");
        assertThat(list.select("h1").eachText()).containsExactly("Topics");
        var bare = editor.get("/newsroom/topics");
        assertThat(bare.statusCode()).isEqualTo(303);
        assertThat(bare.headers().firstValue("Location")).contains("/newsroom/topics/");
    }

    @Test
    void theListShowsEveryTopicWithItsArticlesSearchedAndInEitherOrder() {
        Instant earlier = NOW.minusSeconds(10_800);
        app.fixtures().store(NOW.minusSeconds(7200), story("Rates rise").topics("Interest rates").published(earlier).build());
        app.fixtures().store(NOW.minusSeconds(3600), story("Ferry strike").topics("Ports").published(earlier).build(),
                story("Port fees").topics("Ports", "Interest rates").published(earlier).build());
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        assertThat(editor.submit("/newsroom/articles/new", "/newsroom/articles", draft("A draft about ports", "Ports")).statusCode())
                .isEqualTo(303);
        create(editor, "Unused", "", "");

        Document recent = Html.parse(editor.get("/newsroom/topics/"));
        Document byName = Html.parse(editor.get("/newsroom/topics/?sort=name"));

        assertThat(rows(recent)).containsExactly(
                "Ports | /topics/ports/ | 2 | 3 articles with “Ports” | 7 December 2025",
                "Interest rates | /topics/interest-rates/ | 2 | 2 articles with “Interest rates” | 7 December 2025",
                "Unused | /topics/unused/ | 0 | 0 | Never");
        assertThat(rows(byName)).extracting(r -> r.split(" \\| ")[0]).containsExactly("Interest rates", "Ports", "Unused");
        assertThat(byName.select("nav.nr-tabs a[aria-current=page]").text()).isEqualTo("By name");
        assertThat(rows(Html.parse(editor.get("/newsroom/topics/?q=PORT")))).extracting(r -> r.split(" \\| ")[0]).containsExactly("Ports");
        assertThat(Html.parse(editor.get("/newsroom/topics/?q=nothing+like+it")).select(".nr-empty").text()).isEqualTo("No topic matches.");
        assertThat(editor.get("/newsroom/topics/?sort=size").statusCode()).isEqualTo(400);
        assertThat(editor.get("/newsroom/topics/?page=two").statusCode()).isEqualTo(400);
        assertThat(editor.get("/newsroom/topics/?page=2").statusCode()).isEqualTo(404);
        assertThat(editor.get("/newsroom/topics/?q=" + "x".repeat(201)).statusCode()).isEqualTo(400);
    }

    @Test
    void aLongListComesInPagesThatKeepTheSearchAndOrder() {
        TestDatabase.jdbi().useHandle(h -> {
            for (int i = 1; i <= 55; i++) TopicStore.ensure(h, String.format("Topic %02d", i), "");
        });
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);

        Document first = Html.parse(editor.get("/newsroom/topics/?q=topic&sort=name"));
        Document second = Html.parse(editor.get(first.select("a[rel=next]").attr("href")));

        assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/newsroom/topics/?q=topic&sort=name&page=2");
        assertThat(rows(first)).hasSize(NewsroomTopicPages.PAGE_SIZE).first().asString().startsWith("Topic 01 |");
        assertThat(rows(second)).hasSize(5).last().asString().startsWith("Topic 55 |");
        assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/newsroom/topics/?q=topic&sort=name&page=1");
    }

    @Test
    void anEditorCreatesATopicWhichIsAuditedAndPrivateUntilAPublishedArticleHasIt() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        assertThat(app.get("/api/v1/topics").body()).doesNotContain("interest-rates");

        var r = create(editor, "Interest rates", "", "Borrowing costs, the Bank and your mortgage.");

        assertThat(r.statusCode()).isEqualTo(303);
        long id = topicId("Interest rates");
        assertThat(r.headers().firstValue("Location")).contains("/newsroom/topics/" + id + "?notice=created");
        Document page = Html.parse(editor.get("/newsroom/topics/" + id + "?notice=created"));
        assertThat(page.select("h1").text()).isEqualTo("Interest rates");
        assertThat(page.select(".nr-notice").text()).startsWith("The topic was created.");
        assertThat(page.select("#slug").val()).isEqualTo("interest-rates");
        assertThat(page.select("#description").text()).isEqualTo("Borrowing costs, the Bank and your mortgage.");
        assertThat(page.select(".nr-facts a[href=/topics/interest-rates/]")).as("no link to a page readers cannot see").isEmpty();
        assertThat(page.select(".nr-facts").text()).contains("no page yet");
        assertThat(strings("SELECT actor || ' | ' || subject FROM audit_log WHERE action = 'topic created'"))
                .containsExactly("Editor Person | Interest rates");
        assertThat(app.get("/topics/interest-rates/").statusCode()).as("private until a published article has it").isEqualTo(404);
        assertThat(app.get("/api/v1/topics").body()).doesNotContain("interest-rates");
        assertThat(app.get("/api/v1/articles?topic=interest-rates").statusCode()).as("as unknown as a topic that does not exist").isEqualTo(400);

        app.fixtures().store(NOW, story("Rates held").topics("Interest rates").build());
        app.app().contentChanged();

        assertThat(app.get("/topics/interest-rates/").statusCode()).as("public once published").isEqualTo(200);
        assertThat(app.get("/api/v1/topics").body()).contains("\"interest-rates\"");
        assertThat(Html.parse(editor.get("/newsroom/topics/" + id)).select(".nr-facts a[href=/topics/interest-rates/]")).hasSize(1);
    }

    @Test
    void aTopicOnlyDraftsHaveStaysPrivate() {
        app.fixtures().store(NOW, story("Secret merger").topics("Harbourside takeover").build());
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE articles SET status = 'draft' WHERE headline = 'Secret merger'"));
        app.app().contentChanged();

        assertThat(app.get("/topics/harbourside-takeover/").statusCode()).isEqualTo(404);
        assertThat(app.get("/api/v1/topics").body()).doesNotContain("harbourside");
        assertThat(app.get("/api/v1/articles?topic=harbourside-takeover").statusCode()).isEqualTo(400);
        assertThat(app.get("/topics/").body()).doesNotContain("Harbourside");
    }

    @Test
    void aBadFormIsShownBesideItsFieldsAndNothingIsSaved() {
        app.fixtures().store(NOW, story("Rates rise").topics("Interest rates").build());
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        Map<String, Long> rows = TestDatabase.rowCounts();

        var bad = create(editor, "", "Not A Slug", "Kept as typed");
        var taken = create(editor, "interest RATES", "", "");
        var noToken = editor.post("/newsroom/topics", Map.of("name", "Budget"));

        assertThat(bad.statusCode()).isEqualTo(400);
        Document form = Html.parse(bad);
        assertThat(form.select(".nr-error").text()).startsWith("The topic was not created");
        assertThat(form.select("#name").attr("aria-invalid")).isEqualTo("true");
        assertThat(form.select("#name-error").text()).isEqualTo("Give the topic a name.");
        assertThat(form.select("#slug").attr("aria-describedby")).isEqualTo("slug-hint slug-error");
        assertThat(form.select("#slug-error").text()).contains("lower-case letters and digits");
        assertThat(form.select("#slug").val()).isEqualTo("Not A Slug");
        assertThat(form.select("#description").text()).isEqualTo("Kept as typed");
        assertThat(Html.parse(taken).select("#name-error").text()).isEqualTo("There is already a topic called \"Interest rates\".");
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(TestDatabase.rowCounts()).isEqualTo(rows);
    }

    @Test
    void controlCharactersAreRefusedOrIgnoredNeverAnError() {
        app.fixtures().store(NOW, story("Harbour talks").topics("Ukraine war", "Russia").build());
        long id = topicId("Ukraine war");
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        Map<String, Long> rows = TestDatabase.rowCounts();

        var created = create(editor, "Budget", "", "Tax\u0000 and spending");
        var changed = editor.submit("/newsroom/topics/" + id, "/newsroom/topics/" + id,
                Map.of("name", "Ukraine war", "slug", "ukraine-war", "description", "Bell\u0007"));
        var merge = editor.submit("/newsroom/topics/" + id, "/newsroom/topics/" + id + "/merge", Map.of("into", "Rus\u0000sia"));
        var search = editor.get("/newsroom/topics/?q=Rus%01sia");

        assertThat(created.statusCode()).isEqualTo(400);
        assertThat(Html.parse(created).select("#description-error").text()).contains("control characters");
        assertThat(changed.statusCode()).isEqualTo(400);
        assertThat(Html.parse(changed).select("#description-error").text()).contains("control characters");
        assertThat(TestDatabase.rowCounts()).isEqualTo(rows);
        assertThat(merge.statusCode()).as("the name, less what cannot be in one, is asked about first").isEqualTo(200);
        assertThat(Html.parse(merge).select("h1").text()).isEqualTo("Merge “Ukraine war” into “Russia”?");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(rows(Html.parse(search))).extracting(r -> r.split(" \\| ")[0]).containsExactly("Russia");
        assertThat(editor.get("/newsroom/topics/?q=Rus%00sia").statusCode()).isEqualTo(400);
        // within the form limit (64 KB), so the merge itself refuses it rather than the size check
        var huge = editor.submit("/newsroom/topics/" + id, "/newsroom/topics/" + id + "/merge", Map.of("into", "x".repeat(60_000)));
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body().length()).as("a long name is not echoed back whole").isLessThan(50_000);
        assertThat(TestDatabase.rowCounts()).isEqualTo(rows);
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        String csrf = Newsroom.csrf(editor.get("/newsroom/topics/").body());

        for (String id : List.of("999", "abc", "99999999999999999999", "-1")) {
            var page = editor.get("/newsroom/topics/" + id);
            assertThat(page.statusCode()).as(id).isEqualTo(404);
            assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
            for (String action : List.of("", "/merge", "/delete")) {
                var r = editor.post("/newsroom/topics/" + id + action, Map.of("_csrf", csrf, "name", "X", "into", "Y", "confirm", "yes"));
                assertThat(r.statusCode()).as(id + action).isEqualTo(404);
            }
        }
    }

    @Test
    void aNewAddressLeadsFromTheOldOneWithThePageCacheOn() {
        List<ArticleSource> stories = new ArrayList<>();
        for (int i = 1; i <= 25; i++) stories.add(story("Rates story " + i).topics("Rates").published(NOW.minusSeconds(600L * i)).build());
        app.fixtures().store(NOW, stories.toArray(ArticleSource[]::new));
        app.app().contentChanged();
        long id = topicId("Rates");
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        assertThat(app.get("/topics/rates/").statusCode()).isEqualTo(200);
        String older = Html.parse(app.get("/topics/rates/")).select("a[rel=next]").attr("href");
        assertThat(app.get(older).statusCode()).isEqualTo(200);

        var bad = editor.submit("/newsroom/topics/" + id, "/newsroom/topics/" + id, Map.of("name", "Interest rates", "slug", "Rates!", "description", ""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Html.parse(bad).select("#name").val()).isEqualTo("Interest rates");
        assertThat(topicId("Rates")).isEqualTo(id);

        var r = editor.submit("/newsroom/topics/" + id, "/newsroom/topics/" + id,
                Map.of("name", "Interest rates", "slug", "interest-rates", "description", "What borrowing costs."));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/newsroom/topics/" + id + "?notice=moved");
        eventually("the old address redirects", () -> app.get("/topics/rates/").statusCode() == 301);
        assertThat(location("/topics/rates/")).isEqualTo("/topics/interest-rates/");
        assertThat(location(older)).as("a place in the list goes along").isEqualTo(older.replace("/topics/rates/", "/topics/interest-rates/"));
        assertThat(location("/topics/rates/?page=3")).as("numbered pages are gone").isEqualTo("/topics/interest-rates/");
        assertThat(location("/topics/rates/?utm_source=x&page=1")).isEqualTo("/topics/interest-rates/?utm_source=x");
        Document topic = Html.parse(app.get("/topics/interest-rates/"));
        assertThat(topic.select("h1").text()).isEqualTo("Interest rates");
        assertThat(topic.text()).contains("What borrowing costs.");
        assertThat(Html.parse(app.get("/world-news/2025/12/07/rates-story-1/")).select("nav.topics a").attr("href"))
                .isEqualTo("/topics/interest-rates/");
        assertThat(app.get("/api/v1/articles?topic=rates&limit=1").statusCode()).isEqualTo(200);
        Document edit = Html.parse(editor.get("/newsroom/topics/" + id + "?notice=moved"));
        assertThat(edit.select(".nr-notice").text()).contains("new address");
        assertThat(edit.select("section[aria-labelledby=earlier-title] li").text()).contains("/topics/rates/");
        assertThat(strings("SELECT details->>'previous slug' || ' > ' || (details->>'slug') FROM audit_log WHERE action = 'topic changed'"))
                .containsExactly("rates > interest-rates");
    }

    @Test
    void thisInstanceShowsEachChangeAtOnceWithoutWaitingForTheChangeFeed() {
        app.fixtures().store(NOW, story("Harbour talks").topics("Ukraine war", "Russia").build(),
                story("Front line").topics("War in Ukraine").published(NOW.minusSeconds(7200)).build());
        app.app().contentChanged();
        long id = topicId("Ukraine war");
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        String page = "/newsroom/topics/" + id;

        TestDatabase.cutChangeFeeds();
        assertThat(topicLinks(app.get(HARBOUR))).containsExactly("Ukraine war", "Russia");
        assertThat(editor.submit(page, page, Map.of("name", "Ukraine", "slug", "ukraine-war", "description", "")).statusCode())
                .isEqualTo(303);
        assertThat(topicLinks(app.get(HARBOUR))).as("renamed").containsExactly("Ukraine", "Russia");

        TestDatabase.cutChangeFeeds();
        assertThat(app.get("/topics/ukraine-war/").statusCode()).isEqualTo(200);
        var merged = editor.submit(page, page + "/merge", Map.of("keep", String.valueOf(topicId("War in Ukraine")), "confirm", "yes"));
        assertThat(merged.statusCode()).isEqualTo(303);
        assertThat(app.get("/topics/ukraine-war/").statusCode()).as("merged").isEqualTo(301);

        TestDatabase.cutChangeFeeds();
        assertThat(app.get("/api/v1/topics").body()).doesNotContain("budget");
        assertThat(create(editor, "Budget", "", "").statusCode()).isEqualTo(303);
        assertThat(app.get("/api/v1/topics").body()).as("created, private while no published article has it").doesNotContain("budget");

        TestDatabase.cutChangeFeeds();
        long budget = topicId("Budget");
        assertThat(editor.submit("/newsroom/topics/" + budget, "/newsroom/topics/" + budget + "/delete", Map.of("confirm", "yes"))
                .statusCode()).isEqualTo(303);
        assertThat(app.get("/api/v1/topics").body()).as("deleted").doesNotContain("budget");
    }

    @Test
    void aMergeAsksFirstThenMovesTheArticlesAndTheOldAddressAndNameLeadToTheKeptTopic() {
        app.fixtures().store(NOW, story("Harbour talks").topics("Ukraine war", "Russia").build(),
                story("Front line").topics("War in Ukraine").published(NOW.minusSeconds(7200)).build());
        app.app().contentChanged();
        long merged = topicId("Ukraine war");
        long kept = topicId("War in Ukraine");
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        assertThat(topicLinks(app.get(HARBOUR))).containsExactly("Ukraine war", "Russia");
        assertThat(app.get("/topics/ukraine-war/").statusCode()).isEqualTo(200);
        assertThat(app.get("/api/v1/topics").body()).contains("\"ukraine-war\"");
        Map<String, Long> rows = TestDatabase.rowCounts();

        var question = editor.submit("/newsroom/topics/" + merged, "/newsroom/topics/" + merged + "/merge", Map.of("into", "war in ukraine"));

        assertThat(question.statusCode()).isEqualTo(200);
        Document q = Html.parse(question);
        assertThat(q.select("h1").text()).isEqualTo("Merge “Ukraine war” into “War in Ukraine”?");
        assertThat(q.select(".nr-uses").text()).contains("1 article (1 published) gets “War in Ukraine” in place of “Ukraine war”",
                "/topics/ukraine-war/, leads to /topics/war-in-ukraine/");
        assertThat(q.select("input[name=keep]").val()).isEqualTo(String.valueOf(kept));
        assertThat(TestDatabase.rowCounts()).as("asking changes nothing").isEqualTo(rows);

        var r = editor.post("/newsroom/topics/" + merged + "/merge",
                Map.of("_csrf", Newsroom.csrf(question.body()), "keep", String.valueOf(kept), "confirm", "yes"));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/newsroom/topics/" + kept + "?notice=merged");
        eventually("the article page shows the kept topic", () -> topicLinks(app.get(HARBOUR)).equals(List.of("War in Ukraine", "Russia")));
        JsonNode article = Html.graphNode(Html.jsonLd(Html.parse(app.get(HARBOUR))).get(0), "NewsArticle");
        assertThat(article.path("keywords").toString()).isEqualTo("[\"War in Ukraine\",\"Russia\"]");
        assertThat(app.get("/topics/ukraine-war/").statusCode()).isEqualTo(301);
        assertThat(location("/topics/ukraine-war/")).isEqualTo("/topics/war-in-ukraine/");
        assertThat(Html.parse(app.get("/topics/war-in-ukraine/")).select(".card-headline").eachText())
                .containsExactly("Harbour talks", "Front line");
        assertThat(app.get("/api/v1/topics").body()).doesNotContain("\"ukraine-war\"").contains("\"war-in-ukraine\"");
        assertThat(Html.json(app.get("/api/v1/articles?topic=ukraine-war").body()).path("items")).hasSize(2);
        assertThat(strings("""
                SELECT actor || ' | ' || subject || ' | ' || (details->>'articles') || ' | ' || (details->>'published')
                FROM audit_log WHERE action = 'topic merged'""")).containsExactly("Editor Person | Ukraine war into War in Ukraine | 1 | 1");

        Document keptPage = Html.parse(editor.get("/newsroom/topics/" + kept + "?notice=merged"));
        assertThat(keptPage.select(".nr-notice").text()).startsWith("Merged.");
        assertThat(keptPage.select("section[aria-labelledby=earlier-title] li").text()).contains("/topics/ukraine-war/", "“Ukraine war”");
        assertThat(editor.get("/newsroom/topics/" + merged).statusCode()).isEqualTo(404);
        assertThat(editor.get("/newsroom/suggest/topics?q=ukraine%20w").body()).isEqualTo("{\"names\":[\"War in Ukraine\"]}");
        var draft = editor.submit("/newsroom/articles/new", "/newsroom/articles", draft("Typed the old name", "Ukraine war"));
        assertThat(draft.statusCode()).isEqualTo(303);
        assertThat(strings("""
                SELECT t.name FROM article_topics x JOIN topics t ON t.id = x.topic_id JOIN articles a ON a.id = x.article_id
                WHERE a.headline = 'Typed the old name'""")).containsExactly("War in Ukraine");
    }

    @Test
    void aMergeNeedsAnotherTopicThatExists() {
        app.fixtures().store(NOW, story("Harbour talks").topics("Ukraine war").build());
        long id = topicId("Ukraine war");
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        Map<String, Long> rows = TestDatabase.rowCounts();
        String page = "/newsroom/topics/" + id;
        String merge = page + "/merge";

        Map<String, String> problems = new LinkedHashMap<>();
        for (Map<String, String> form : List.of(Map.of("into", ""), Map.of("into", "No such topic"), Map.of("into", "UKRAINE WAR"),
                Map.of("keep", "abc", "confirm", "yes"), Map.of("keep", String.valueOf(id), "confirm", "yes"))) {
            var r = editor.submit(page, merge, form);
            assertThat(r.statusCode()).as(form.toString()).isEqualTo(400);
            Document d = Html.parse(r);
            assertThat(d.select("#into").attr("aria-invalid")).isEqualTo("true");
            problems.put(form.toString(), d.select("#into-error").text());
        }

        assertThat(problems.values()).containsExactly("Name the topic to keep.", "There is no topic called \"No such topic\".",
                "Choose another topic: this one cannot be merged into itself.", "That topic no longer exists.",
                "Choose another topic: this one cannot be merged into itself.");
        assertThat(TestDatabase.rowCounts()).isEqualTo(rows);
    }

    @Test
    void aTopicInUseIsNotDeletedButMayBeMergedAndAnUnusedOneGoesAfterAQuestion() {
        app.fixtures().store(NOW, story("Harbour talks").topics("Ports").build());
        long used = topicId("Ports");
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        create(editor, "Budget", "", "");
        long unused = topicId("Budget");
        Map<String, Long> rows = TestDatabase.rowCounts();

        assertThat(Html.parse(editor.get("/newsroom/topics/" + used)).select("form[action$=/delete]")).isEmpty();
        var refused = editor.submit("/newsroom/topics/" + used, "/newsroom/topics/" + used + "/delete", Map.of());
        var refusedConfirmed = editor.submit("/newsroom/topics/" + used, "/newsroom/topics/" + used + "/delete", Map.of("confirm", "yes"));
        var question = editor.submit("/newsroom/topics/" + unused, "/newsroom/topics/" + unused + "/delete", Map.of());

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Html.parse(refused).select(".nr-error").text()).isEqualTo("1 article has this topic, so it cannot be deleted. "
                + "To retire it, merge it into another topic: its articles then get that topic, and its address and name lead there.");
        assertThat(Html.parse(refused).select("a[href=/newsroom/topics/" + used + "#merge]")).hasSize(1);
        assertThat(refusedConfirmed.statusCode()).isEqualTo(409);
        assertThat(question.statusCode()).isEqualTo(200);
        assertThat(Html.parse(question).select("h1").text()).isEqualTo("Delete “Budget”?");
        assertThat(TestDatabase.rowCounts()).isEqualTo(rows);

        var deleted = editor.post("/newsroom/topics/" + unused + "/delete", Map.of("_csrf", Newsroom.csrf(question.body()), "confirm", "yes"));

        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location")).contains("/newsroom/topics/?notice=deleted");
        assertThat(Html.parse(editor.get("/newsroom/topics/?notice=deleted")).select(".nr-notice").text()).isEqualTo("The topic was deleted.");
        assertThat(strings("SELECT name FROM topics")).containsExactly("Ports");
        assertThat(strings("SELECT actor || ' | ' || subject FROM audit_log WHERE action = 'topic deleted'"))
                .containsExactly("Editor Person | Budget");
    }

    private static HttpResponse<String> create(Newsroom.Client editor, String name, String slug, String description) {
        return editor.submit("/newsroom/topics/", "/newsroom/topics", Map.of("name", name, "slug", slug, "description", description));
    }

    /** An editor form for a new draft in world news with one topic. */
    private static Map<String, String> draft(String headline, String topic) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("headline", headline);
        f.put("standfirst", "");
        f.put("section", "world-news");
        f.put("bylines", "");
        f.put("topics", topic);
        f.put("body", "A paragraph.");
        return f;
    }

    private static List<String> rows(Document list) {
        return list.select("tbody tr").stream()
                .map(tr -> String.join(" | ", tr.select("td").stream().map(Element::text).toList())).toList();
    }

    private static List<String> topicLinks(HttpResponse<String> page) {
        return Html.parse(page).select("nav.topics a").eachText();
    }

    private static String location(String path) {
        var r = app.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(301);
        return r.headers().firstValue("Location").orElseThrow();
    }

    /** Waits (a little) for something another thread does, such as the change feed emptying the page cache. */
    private static void eventually(String what, BooleanSupplier condition) {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) throw new AssertionError("not within 10 seconds: " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static long topicId(String name) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM topics WHERE name = :n").bind("n", name)
                .mapTo(Long.class).one());
    }

    private static List<String> strings(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }
}
