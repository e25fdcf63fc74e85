package broadsheet.article;

import static broadsheet.testing.Fixtures.story;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import broadsheet.testing.Fixtures;
import broadsheet.testing.Html;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.awt.Color;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The end of an article's page, over the real server: its topics, the share links (plain links, the article's address and
 * headline encoded in them), a card for each author, and the "More in" and "More on" lists, which never hold the article
 * itself and never repeat each other.
 */
@ExtendWith(TestDatabase.class)
class ArticleEndIT {
    @RegisterExtension
    static final TestApp app = new TestApp();
    private static final Instant NINE = TestApp.NOW.minusSeconds(6 * 3600);

    private static Instant minutes(int n) {
        return NINE.plusSeconds(60L * n);
    }

    private static Document page(String path) {
        var r = app.get(path);
        assertThat(r.statusCode()).isEqualTo(200);
        return Html.parse(r);
    }

    @Test
    void theListsHoldTheLatestOthersInTheSectionAndOnTheFirstTopicWithoutRepeats() {
        app.fixtures().store(TestApp.NOW,
                story("Oldest in politics").section("politics").topics("Budget").published(minutes(1)).build(),
                story("Second in politics").section("politics").topics("Budget").published(minutes(2)).build(),
                story("Third in politics").section("politics").topics("Budget").published(minutes(3)).build(),
                story("Fourth in politics").section("politics").topics("Housing").published(minutes(4)).build(),
                story("Fifth in politics").section("politics").topics("Housing").published(minutes(5)).build(),
                story("Budget in business").section("business").topics("Budget").published(minutes(6)).build(),
                story("Budget in sport").section("sport").topics("Budget").published(minutes(7)).build(),
                story("Budget draft").section("business").topics("Budget").published(minutes(20)).build(),
                story("The budget story").section("politics").topics("Budget", "Housing").published(minutes(10)).build());
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE articles SET status = 'draft' WHERE headline = 'Budget draft'"));
        app.app().contentChanged();

        Document page = page("/politics/2025/12/07/the-budget-story/");

        assertThat(page.select("#more-section-heading").text()).isEqualTo("More in Politics");
        assertThat(page.select("#more-section-heading a").attr("href")).isEqualTo("/politics/");
        assertThat(page.select("#more-section-heading + ol a")).extracting(Element::text).as("the newest four, not this one")
                .containsExactly("Fifth in politics", "Fourth in politics", "Third in politics", "Second in politics");
        assertThat(page.select("#more-section-heading + ol time").first().attr("datetime")).isNotEmpty();
        assertThat(page.select("#more-topic-heading").text()).isEqualTo("More on Budget");
        assertThat(page.select("#more-topic-heading + ol a")).extracting(Element::text)
                .as("published, not this one, not listed above")
                .containsExactly("Budget in sport", "Budget in business", "Oldest in politics");
        assertThat(page.select(".more-list a[href=/politics/2025/12/07/the-budget-story/]")).isEmpty();

        // what the lists show is labelled on the page: publishing or changing any article in the section or on the topic
        // purges these keys (cdn_article_keys), and empties the page cache, so the lists are never staler than the page
        assertThat(app.get("/politics/2025/12/07/the-budget-story/").headers().firstValue("Surrogate-Key"))
                .hasValueSatisfying(keys -> assertThat(keys.split(" ")).contains("section-politics", "topic-budget"));

        Document alone = page("/politics/2025/12/07/oldest-in-politics/");
        assertThat(alone.select("#more-section-heading + ol a")).hasSize(4);
    }

    @Test
    void anArticleAloneInItsSectionAndTopicHasNoLists() {
        app.fixtures().store(TestApp.NOW, story("Lonely story").section("sport").topics("Curling").build());
        Document page = page("/sport/2025/12/07/lonely-story/");
        assertThat(page.select(".more-lists")).isEmpty();
        assertThat(page.select(".article-end nav.topics a")).extracting(Element::text, e -> e.attr("href"))
                .containsExactly(tuple("Curling", "/topics/curling/"));
    }

    @Test
    void eachAuthorHasACardWithPictureJobTitleAndBioAndADeskALine() {
        app.fixtures().store(TestApp.NOW, story("Portrait source").section("sport").topics("Pictures")
                        .picture(Fixtures.picture("A face", 600, 600, Color.GRAY, Color.WHITE)).published(minutes(1)).build(),
                story("Two authors").section("politics").bylines("Ann Writer", "Our Political Staff").published(minutes(2)).build());
        TestDatabase.jdbi().useHandle(h -> {
            h.execute("""
                    UPDATE contributors SET job_title = 'Political editor', bio = 'Ann covers <Westminster> & the rest.' || chr(10) || chr(10) || 'More on her page.',
                      picture_id = (SELECT lead_image_id FROM articles WHERE headline = 'Portrait source') WHERE name = 'Ann Writer'""");
            h.execute("UPDATE contributors SET kind = 'desk', job_title = 'Political desk', bio = 'The desk.' WHERE name = 'Our Political Staff'");
        });
        app.app().contentChanged();

        Document page = page("/politics/2025/12/07/two-authors/");
        var cards = page.select(".authors .author-card");
        assertThat(cards).hasSize(2);
        Element ann = cards.get(0);
        assertThat(ann.select(".author-name a").attr("href")).isEqualTo("/authors/ann-writer/");
        assertThat(ann.select(".author-name a").text()).isEqualTo("Ann Writer");
        assertThat(ann.select(".author-role").text()).isEqualTo("Political editor");
        assertThat(ann.select(".author-bio").text()).as("the first paragraph, as text").isEqualTo("Ann covers <Westminster> & the rest.");
        assertThat(ann.select("img").attr("src")).startsWith("/media/images/");
        assertThat(ann.select("img").attr("alt")).as("the name beside it says who it is").isEmpty();
        Element desk = cards.get(1);
        assertThat(desk.select("img")).isEmpty();
        assertThat(desk.select(".author-bio")).isEmpty();
        assertThat(desk.select(".author-name").text()).isEqualTo("Our Political Staff, Political desk");
    }

    @Test
    void theShareLinksArePlainLinksWithTheArticleEncoded() {
        app.fixtures().store(TestApp.NOW, story("Q&A: \"What's next\" for <the> port?").slug("q-and-a").section("politics").build());
        Document page = page("/politics/2025/12/07/q-and-a/");
        String url = TestApp.BASE_URL + "/politics/2025/12/07/q-and-a/";
        String headline = "Q&A: \"What's next\" for <the> port?";

        var links = page.select(".share a");
        assertThat(links).extracting(Element::text).containsExactly("Email", "Bluesky", "LinkedIn", "Facebook", "X", "WhatsApp");
        for (Element a : links) {
            URI uri = URI.create(a.attr("href")); // well formed: a bad character would throw
            if (!a.text().equals("Email")) {
                assertThat(uri.getScheme()).isEqualTo("https");
                assertThat(a.attr("rel")).isEqualTo("noopener noreferrer");
                assertThat(a.attr("target")).isEmpty();
            }
        }
        String mail = links.get(0).attr("href");
        assertThat(mail).startsWith("mailto:?subject=");
        assertThat(URLDecoder.decode(mail.substring("mailto:?subject=".length()), StandardCharsets.UTF_8))
                .isEqualTo(headline + " | The Broadsheet&body=" + headline + " " + url);
        assertThat(links.get(2).attr("href")).isEqualTo("https://www.linkedin.com/sharing/share-offsite/?url="
                + URLDecoder.decode(url, StandardCharsets.UTF_8).replace(":", "%3A").replace("/", "%2F"));
        assertThat(page.select("[data-copy]").attr("data-copy")).isEqualTo(url);
        assertThat(page.select("[data-copy]").hasAttr("hidden")).as("shown by the script only").isTrue();
        assertThat(page.select("script[src]")).extracting(e -> e.attr("src")).allMatch(src -> src.startsWith("/"));
    }
}
