package broadsheet.search;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.AccessLevel;
import broadsheet.importing.ArticleSource;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.RawHttp;
import broadsheet.testing.Readers;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import broadsheet.testing.ThreadsFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search page and {@code /api/v1/search} over the real index, on 25 harbour stories, two politics stories and a
 * subscriber story whose hidden paragraph must never reach a visitor: results, counts, filters, order, pages, the
 * no-results page, malformed words, every parameter's limits (a 400 page or problem, never a 500), and the paywall.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabase.PerClass.class)
class SearchPagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    /** The subscriber story's fifth paragraph: past the three a visitor sees. */
    private static final String HIDDEN = "The keeper kept a secret ledger of every wreck.";

    @BeforeAll
    void storeAndIndex() {
        List<ArticleSource> stories = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            stories.add(story("Harbour report " + i).section("world-news").published(NOW.minusSeconds(3600L * 24 * i))
                    .body("The harbour was busy on day " + i + ".\n\nBoats came and went.").build());
        }
        stories.add(story("Budget passes after long night").section("politics").topics("Budget", "Parliament").bylines("Ann Clerk")
                .published(NOW.minusSeconds(60)).body("The budget passed in parliament.\n\nMinisters were pleased.").build());
        stories.add(story("Budget row deepens").section("politics").topics("Budget").bylines("Bob Scribe")
                .published(NOW.minusSeconds(7200)).body("The budget row went on.\n\nNobody was pleased.").build());
        stories.add(story("The lighthouse at the end of the world").section("world-news").access(AccessLevel.PREMIUM)
                .published(NOW.minusSeconds(600))
                .body("A first paragraph about the coast.\n\nA second about the sea.\n\nA third about the wind.\n\n"
                        + "A fourth about the rocks.\n\n" + HIDDEN).build());
        app.fixtures().store(NOW, stories.toArray(ArticleSource[]::new));
        awaitTotal("harbour", 25);
        awaitTotal("budget", 2);
        awaitTotal("lighthouse", 1);
    }

    @Test
    void showsResultsWithCountSnippetAndCardDetails() {
        HttpResponse<String> response = app.get("/search?q=harbour");
        Document page = Html.parse(response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Html.meta(page, "robots")).isEqualTo("noindex");
        assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=60, s-maxage=60");
        assertThat(page.select(".search-count").text()).isEqualTo("25 results for “harbour”");
        assertThat(page.select(".search-hit")).hasSize(SearchQuery.PAGE_SIZE);
        Element first = page.selectFirst(".search-hit");
        assertThat(first.select(".search-headline a").text()).startsWith("Harbour report");
        assertThat(first.select(".search-headline a").attr("href")).startsWith("/world-news/");
        assertThat(first.select(".card-kicker").text()).isEqualTo("World news");
        assertThat(first.select(".card-standfirst").text()).startsWith("A standfirst for Harbour report");
        assertThat(first.select(".card-byline").text()).isEqualTo("Jane Reporter");
        assertThat(first.select("time").attr("datetime")).startsWith("2025-");
        assertThat(page.select(".search-hit mark").eachText()).isNotEmpty().allSatisfy(m -> assertThat(m).isEqualToIgnoringCase("harbour"));
        assertThat(page.select(".search-pager a[rel=next]").attr("href")).isEqualTo("/search?q=harbour&page=2");
    }

    @Test
    void pagesGoOnToTheLastResult() {
        Document second = Html.parse(app.get("/search?q=harbour&page=2"));
        JsonNode api = json(app.get("/api/v1/search?q=harbour&page=2"), 200);

        assertThat(second.select(".search-hit")).hasSize(5);
        assertThat(second.select(".search-pager a[rel=prev]").attr("href")).isEqualTo("/search?q=harbour");
        assertThat(second.select(".search-pager a[rel=next]")).isEmpty();
        assertThat(second.select(".search-pager a[aria-current=page]").text()).isEqualTo("Page 2");
        assertThat(api.path("items")).hasSize(5);
        assertThat(api.path("total").asLong()).isEqualTo(25);
        assertThat(api.path("page").asInt()).isEqualTo(2);
        assertThat(api.path("previous").asText()).isEqualTo(TestApp.BASE_URL + "/api/v1/search?q=harbour");
        assertThat(api.has("next")).isFalse();
        assertThat(json(app.get("/api/v1/search?q=harbour"), 200).path("next").asText())
                .isEqualTo(TestApp.BASE_URL + "/api/v1/search?q=harbour&page=2");
        // past the last page: no results there, and the way back
        Document beyond = Html.parse(app.get("/search?q=harbour&page=3"));
        assertThat(beyond.select(".search-none h2").text()).isEqualTo("No more results");
        assertThat(beyond.select(".search-none a").attr("href")).isEqualTo("/search?q=harbour");
    }

    @Test
    void filtersBySectionTopicAuthorAndDates() {
        assertThat(headlines("/search?q=budget&section=politics")).containsExactlyInAnyOrder("Budget passes after long night", "Budget row deepens");
        assertThat(headlines("/search?q=budget&section=world-news")).isEmpty();
        assertThat(headlines("/search?q=budget&topic=parliament")).containsExactly("Budget passes after long night");
        assertThat(headlines("/search?q=budget&author=bob-scribe")).containsExactly("Budget row deepens");
        LocalDate day = LocalDate.of(2025, 12, 7);
        assertThat(headlines("/search?q=harbour&from=" + day.minusDays(3) + "&to=" + day.minusDays(2)))
                .containsExactlyInAnyOrder("Harbour report 2", "Harbour report 3");
        assertThat(texts(json(app.get("/api/v1/search?q=budget&author=ann-clerk"), 200).path("items"), "headline"))
                .containsExactly("Budget passes after long night");
    }

    @Test
    void filtersInUseAreShownAndCanBeRemoved() {
        Document page = Html.parse(app.get("/search?q=budget&topic=parliament&section=politics"));

        assertThat(page.select(".search-chips li").eachText()).anySatisfy(t -> assertThat(t).startsWith("Topic: Parliament"))
                .anySatisfy(t -> assertThat(t).startsWith("Section: Politics"));
        assertThat(page.select(".search-chips a").eachAttr("href")).contains("/search?q=budget&section=politics",
                "/search?q=budget&topic=parliament");
        assertThat(page.select("select#section option[selected]").attr("value")).isEqualTo("politics");
        assertThat(page.select("input[type=hidden][name=topic]").val()).isEqualTo("parliament");
    }

    @Test
    void newestFirstOrdersByDate() {
        JsonNode items = json(app.get("/api/v1/search?q=harbour&order=newest"), 200).path("items");
        List<Instant> published = StreamSupport.stream(items.spliterator(), false).map(i -> Instant.parse(i.path("published").asText())).toList();

        assertThat(published).hasSize(20).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(headlines("/search?q=harbour&order=newest").get(0)).isEqualTo("Harbour report 1");
        assertThat(Html.parse(app.get("/search?q=harbour&order=newest")).select("select#order option[selected]").val()).isEqualTo("newest");
    }

    @Test
    void noResultsOffersSpellingRelatedTopicsAndTips() {
        Document page = Html.parse(app.get("/search?q=harbuor"));

        assertThat(page.select(".search-none h2").text()).isEqualTo("No results for “harbuor”");
        assertThat(page.select(".search-suggest a").attr("href")).isEqualTo("/search?q=harbour");
        assertThat(page.select(".search-tips li")).isNotEmpty();
        Document filtered = Html.parse(app.get("/search?q=zzyzx&section=politics"));
        assertThat(filtered.select(".search-tips a").eachAttr("href")).contains("/search?q=zzyzx");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unclosed", "AND", "*", "\\", "(", "harbour)", "title:harbour", "~", "OR OR", "\"harbour"})
    void malformedWordsAreSearchedAsWordsNeverAFailure(String words) {
        HttpResponse<String> page = app.get("/search?q=" + encode(words));
        HttpResponse<String> api = app.get("/api/v1/search?q=" + encode(words));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(Html.parse(page).select("input#q").val()).isEqualTo(words.strip());
    }

    @Test
    void aMalformedQuerySaysSoAndShowsResultsForItsWords() {
        Document page = Html.parse(app.get("/search?q=" + encode("\"harbour")));

        assertThat(page.select(".search-notice").text()).contains("could not be read as written");
        assertThat(page.select(".search-hit")).isNotEmpty();
        assertThat(json(app.get("/api/v1/search?q=" + encode("\"harbour")), 200).path("malformed").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "q=" + "x", // placeholder replaced below: 201 characters
            "q=a%00b", "q=a%0Ab", "q=a%09b", "q=a%1Fb", "q=a%7Fb", "q=a%C2%85b", "q=a%E2%80%A8b",
            "q=a&q=b",
            "q=a&section=nowhere", "q=a&section=Politics!", "q=a&topic=no-such-topic", "q=a&topic=UPPER", "q=a&author=nobody",
            "q=a&author=" + "a-very-long-slug-a-very-long-slug-a-very-long-slug-a-very-long-slug-a-very-long-slug",
            "q=a&from=2025-13-01", "q=a&from=2025-02-30", "q=a&from=yesterday", "q=a&to=1899-12-31", "q=a&to=3000-01-01",
            "q=a&from=2025-12-07&to=2025-12-01",
            "q=a&order=best", "q=a&order=NEWEST",
            "q=a&page=0", "q=a&page=51", "q=a&page=-1", "q=a&page=abc", "q=a&page=1.5", "q=a&page=99999999999"})
    void badParametersAreRefusedWithAMessage(String query) {
        String q = query.equals("q=x") ? "q=" + "x".repeat(SearchQuery.MAX_TEXT + 1) : query;
        HttpResponse<String> page = app.get("/search?" + q);
        HttpResponse<String> api = app.get("/api/v1/search?" + q);

        assertThat(page.statusCode()).as(q).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(Html.parse(page).select("main h1").text()).isEqualTo("Bad request");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.headers().firstValue("Content-Type")).contains("application/problem+json");
        String detail = Html.json(api.body()).path("detail").asText();
        assertThat(detail).isNotBlank().doesNotContain("Exception");
        // the page says the same, in words
        assertThat(Html.parse(page).select("main p").eachText()).contains(detail);
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=%ZZ", "q=%", "q=harbour&section=%G1", "q=harbour&page=%"})
    void aValueNotPercentEncodedCorrectlyIsRefused(String query) {
        for (String path : List.of("/search?", "/api/v1/search?")) {
            RawHttp.Answer answer = RawHttp.exchange(app, "GET " + path + query + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(answer.status()).as(path + query).isEqualTo(400);
            assertThat(answer.text()).contains("could not be read");
        }
    }

    @Test
    void theLongestWordsAreSearchedAndAnAddressBeyondTheServersLimitIsRefused() {
        assertThat(app.get("/search?q=" + "x".repeat(SearchQuery.MAX_TEXT)).statusCode()).isEqualTo(200);
        assertThat(app.get("/search?q=" + "x+".repeat(2500)).statusCode()).isEqualTo(400);
        // 10,000 characters: longer than any address the server reads, refused before the site sees it
        HttpResponse<String> huge = app.get("/search?q=" + "x".repeat(10_000));
        assertThat(huge.statusCode()).isBetween(400, 499);
        assertThat(app.get("/api/v1/search?q=" + "x".repeat(10_000)).statusCode()).isBetween(400, 499);
    }

    @Test
    void thePageIgnoresUnknownParametersAndTheApiRefusesThem() {
        assertThat(app.get("/search?q=harbour&utm_source=mail").statusCode()).isEqualTo(200);
        HttpResponse<String> api = app.get("/api/v1/search?q=harbour&utm_source=mail");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(Html.json(api.body()).path("detail").asText()).contains("utm_source");
        assertThat(app.get("/api/v1/search").statusCode()).isEqualTo(400);
    }

    @Test
    void anEmptySearchShowsTheFormAlone() {
        Document page = Html.parse(app.get("/search"));

        assertThat(page.select("form.search-form input#q")).hasSize(1);
        assertThat(page.select(".search-results, .search-none")).isEmpty();
        assertThat(page.select("select#section option").eachAttr("value")).contains("", "politics", "world-news");
        // the search page itself may be indexed; its results may not
        assertThat(page.select("meta[name=robots]")).isEmpty();
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(TestApp.BASE_URL + "/search");
        assertThat(Html.parse(app.get("/search?q=harbour")).select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(Html.parse(app.get("/search?page=2")).select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    }

    @Test
    void aVisitorNeverSeesASubscriberStorysHiddenText() {
        HttpResponse<String> page = app.get("/search?q=lighthouse");
        HttpResponse<String> api = app.get("/api/v1/search?q=lighthouse");
        HttpResponse<String> byHiddenWords = app.get("/search?q=" + encode("ledger wreck"));
        HttpResponse<String> apiByHiddenWords = app.get("/api/v1/search?q=" + encode("ledger wreck"));

        assertThat(headlines("/search?q=lighthouse")).containsExactly("The lighthouse at the end of the world");
        assertThat(Html.parse(page).select(".search-hit .badge").text()).isEqualTo("Subscriber");
        for (var r : List.of(page, api, byHiddenWords, apiByHiddenWords)) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("secret ledger", "every wreck", "keeper kept");
        }
        assertThat(json(api, 200).path("items").get(0).path("access").asText()).isEqualTo("premium");
    }

    @Test
    void aSubscribersSnippetComesFromTheWholeText() {
        long reader = Readers.reader("sub@example.test", "Sub", true);
        ThreadsFixtures.subscriber(reader);
        Newsroom.Client subscriber = Readers.signIn(app, "sub@example.test", Readers.PASSWORD);
        long other = Readers.reader("free@example.test", "Free", true);
        Newsroom.Client freeReader = Readers.signIn(app, "free@example.test", Readers.PASSWORD);

        HttpResponse<String> theirs = subscriber.get("/search?q=" + encode("secret ledger"));
        HttpResponse<String> notTheirs = freeReader.get("/search?q=" + encode("secret ledger"));

        assertThat(other).isPositive();
        assertThat(theirs.headers().firstValue("Cache-Control")).contains("private, no-store");
        assertThat(Html.parse(theirs).select(".search-snippet").text()).contains("secret ledger");
        assertThat(Html.parse(theirs).select(".search-snippet mark").eachText()).contains("secret", "ledger");
        assertThat(notTheirs.body()).doesNotContain("keeper kept");
    }

    @Test
    void everyPublicPageHasTheSearchBoxAndTheHomePageOffersASearchAction() {
        Document home = Html.parse(app.get("/"));
        Element box = home.selectFirst("header form[role=search]");

        assertThat(box.attr("action")).isEqualTo("/search");
        assertThat(box.attr("method")).isEqualTo("get");
        Element input = box.selectFirst("input[name=q]");
        assertThat(box.select("label[for=" + input.id() + "]").text()).isNotEmpty();
        assertThat(Html.parse(app.get("/search?q=harbour")).select("header form[role=search] input[name=q]")).hasSize(1);
        JsonNode site = Html.jsonLd(home).stream().filter(n -> "WebSite".equals(n.path("@type").asText())).findFirst().orElseThrow();
        JsonNode action = site.path("potentialAction");
        assertThat(action.path("@type").asText()).isEqualTo("SearchAction");
        assertThat(action.path("target").path("urlTemplate").asText()).isEqualTo(TestApp.BASE_URL + "/search?q={search_term_string}");
        assertThat(action.path("query-input").asText()).isEqualTo("required name=search_term_string");
    }

    private List<String> headlines(String path) {
        HttpResponse<String> r = app.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return Html.parse(r).select(".search-headline a").eachText();
    }

    private static JsonNode json(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return Html.json(r.body());
    }

    private static List<String> texts(JsonNode items, String field) {
        return StreamSupport.stream(items.spliterator(), false).map(i -> i.path(field).asText()).toList();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Polls the API until the index has taken in {@code count} articles with this word (a bound against hanging only). */
    private static void awaitTotal(String word, long count) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (json(app.get("/api/v1/search?q=" + word), 200).path("total").asLong() < count) {
            assertThat(System.nanoTime()).as("the index taking in the articles with " + word).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
