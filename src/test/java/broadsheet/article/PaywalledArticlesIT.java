package broadsheet.article;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.AccessLevel;
import broadsheet.testing.Html;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What an anonymous reader (the only reader there is yet) gets of registered and subscriber articles, on the
 * page and through the API: the opening only, a notice, and paywalled-content markup; never the rest of the body.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabase.PerClass.class)
class PaywalledArticlesIT {
    private static final String BODY = """
            The opening paragraph anyone may read.

            > [!pullquote]
            > A pulled quote from further down

            The second paragraph, still free.

            ## The turn

            The paragraph behind the paywall, with the SECRET-DETAIL.

            And one more, also paid for.
            """;

    @RegisterExtension
    static final TestApp app = new TestApp();

    @BeforeAll
    void storeOneArticleOfEachAccess() {
        app.fixtures().store(NOW,
                story("For everyone").slug("free").access(AccessLevel.FREE).body(BODY).build(),
                story("For registered readers").slug("registered").access(AccessLevel.REGISTERED).body(BODY).build(),
                story("For subscribers").slug("premium").access(AccessLevel.PREMIUM).body(BODY).build());
    }

    @ParameterizedTest
    @CsvSource({"registered, This article is for registered readers", "premium, This article is for subscribers"})
    void thePageShowsTheOpeningAndThePaywallNotice(String slug, String notice) {
        HttpResponse<String> response = app.get(path(slug));
        Document page = Html.parse(response);
        Element body = page.selectFirst(".article-body");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.children()).extracting(Element::text).containsExactly(
                "The opening paragraph anyone may read.", "The second paragraph, still free.");
        assertThat(response.body()).doesNotContain("SECRET-DETAIL", "also paid for", "A pulled quote");
        assertThat(page.select(".paywall-offer h2").text()).isEqualTo(notice);
    }

    @ParameterizedTest
    @CsvSource({"registered", "premium"})
    void jsonLdMarksThePaywalledPart(String slug) {
        Document page = Html.parse(app.get(path(slug)));
        JsonNode article = Html.graphNode(Html.jsonLd(page).get(0), "NewsArticle");

        assertThat(article.path("isAccessibleForFree").isBoolean()).isTrue();
        assertThat(article.path("isAccessibleForFree").asBoolean()).isFalse();
        JsonNode part = article.path("hasPart");
        assertThat(part.path("@type").asText()).isEqualTo("WebPageElement");
        assertThat(part.path("isAccessibleForFree").asBoolean()).isFalse();
        assertThat(part.path("cssSelector").asText()).isEqualTo(".paywalled");
        assertThat(page.select(part.path("cssSelector").asText())).hasSize(1);
    }

    @Test
    void aFreeArticleIsWholeWithNoPaywall() {
        HttpResponse<String> response = app.get(path("free"));
        Document page = Html.parse(response);
        JsonNode article = Html.graphNode(Html.jsonLd(page).get(0), "NewsArticle");

        assertThat(response.body()).contains("SECRET-DETAIL", "A pulled quote");
        assertThat(page.select(".paywalled, .paywall-offer")).isEmpty();
        assertThat(article.path("isAccessibleForFree").asBoolean()).isTrue();
        assertThat(article.has("hasPart")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"registered", "premium"})
    void theApiGivesAPreviewInsteadOfTheBody(String slug) {
        long id = idAt(path(slug));
        HttpResponse<String> response = app.get("/api/v1/articles/" + id);
        JsonNode article = Html.json(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(article.path("access").asText()).isEqualTo(slug);
        assertThat(article.has("bodyHtml")).isFalse();
        assertThat(article.path("previewHtml").asText()).contains("The opening paragraph anyone may read.").doesNotContain("The turn");
        assertThat(response.body()).doesNotContain("SECRET-DETAIL", "also paid for");
    }

    @Test
    void listingsShowWhichArticlesAreNotFree() {
        JsonNode items = Html.json(app.get("/api/v1/articles").body()).path("items");
        Document section = Html.parse(app.get("/world-news/"));

        assertThat(items.findValuesAsText("access")).containsExactlyInAnyOrder("free", "registered", "premium");
        assertThat(section.select(".card .badge").eachText()).containsExactlyInAnyOrder("Subscriber", "Registered");
        assertThat(app.get("/api/v1/articles").body()).doesNotContain("SECRET-DETAIL");
    }

    private static String path(String slug) {
        return "/world-news/2025/12/07/" + slug + "/";
    }

    private static long idAt(String path) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM articles WHERE path = :p")
                .bind("p", path).mapTo(Long.class).one());
    }
}
