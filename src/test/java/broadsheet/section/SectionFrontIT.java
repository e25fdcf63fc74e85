package broadsheet.section;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.importing.ArticleSource;
import broadsheet.testing.Fixtures;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A section's first page laid out as the section's front, over HTTP, on 23 science stories (the newest eight and the
 * 21st with pictures), all on one topic: the lead with its picture and standfirst, three headlines beside it, four secondary
 * stories with their pictures, the rest as text-only headlines in rows of 3, 4, 2 and 3; the older page a plain
 * list; and the topic's page, which stays a list.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabase.PerClass.class)
class SectionFrontIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @BeforeAll
    void storeStories() {
        TestDatabase.jdbi().useHandle(h -> SectionStore.ensure(h, "science", "Science", "Discoveries and the people behind them."));
        List<ArticleSource> stories = new ArrayList<>();
        for (int i = 1; i <= 23; i++) {
            var s = story("Science " + i).section("science").topics("Orbit").published(NOW.minusSeconds(600L * i));
            if (i <= 8 || i == 21) s.picture(Fixtures.picture("Picture " + i, 320, 200, Color.BLUE, Color.ORANGE));
            stories.add(s.build());
        }
        app.fixtures().store(NOW, stories.toArray(ArticleSource[]::new));
    }

    @Test
    void theFirstPageLeadsWithTheNewestStoryThenSecondaryStoriesThenRowsOfHeadlines() {
        Document first = app.page("/science/");
        Element front = first.selectFirst("main .section-front");

        assertThat(front).as("the first page is a section front").isNotNull();
        Element lead = front.selectFirst(".front-top .front-lead .card-lead");
        assertThat(lead.select(".card-headline a")).extracting(Element::text).containsExactly("Science 1");
        assertThat(lead.select(".card-standfirst").text()).isEqualTo("A standfirst for Science 1");
        // the lead picture is the first screen's largest: loaded at once, before the others
        assertThat(lead.select(".card-picture img").attr("fetchpriority")).isEqualTo("high");
        assertThat(lead.select(".card-picture img").attr("loading")).isEqualTo("eager");
        assertThat(headlines(front.selectFirst(".front-beside"))).containsExactly("Science 2", "Science 3", "Science 4");
        assertThat(front.select(".front-beside img")).as("the headlines beside the lead are text only").isEmpty();
        Element secondary = front.selectFirst(".front-top .section-secondary");
        assertThat(headlines(secondary)).containsExactly("Science 5", "Science 6", "Science 7", "Science 8");
        assertThat(secondary.select(".card")).allSatisfy(card -> assertThat(card.select(".card-picture img")).hasSize(1));
        assertThat(secondary.select("img[fetchpriority]")).as("only the lead's picture is asked for first").isEmpty();

        List<Element> rows = front.select(".section-row");
        assertThat(rows).extracting(row -> row.select(".card").size()).containsExactly(3, 4, 2, 3);
        assertThat(rows).extracting(row -> row.className()).containsExactly(
                "section-row section-row-3", "section-row section-row-4", "section-row section-row-2", "section-row section-row-3");
        assertThat(rows).allSatisfy(row -> assertThat(row.select("img, picture")).as("rows are text only").isEmpty());

        // every story of the page once, newest first: the same twenty a list would show
        assertThat(headlines(front)).containsExactlyElementsOf(IntStream.rangeClosed(1, 20).mapToObj(i -> "Science " + i).toList());
        assertThat(front.select(".card-kicker")).as("a section's own page does not name the section on each story").isEmpty();
        // the section's name is the page's only h1; each story's headline is an h2 under it
        assertThat(first.select("h1")).extracting(Element::text).containsExactly("Science");
        assertThat(front.select(".card-headline")).allSatisfy(h -> assertThat(h.tagName()).isEqualTo("h2"));
        assertThat(first.select("link[rel=next]").attr("href")).isEqualTo(TestApp.BASE_URL + front.select("nav.pager a[rel=next]").attr("href"));
    }

    @Test
    void theOlderPagesArePlainLists() {
        Document first = app.page("/science/");
        Document older = app.page(first.select("nav.pager a[rel=next]").attr("href"));

        assertThat(older.select(".section-front, .front-top, .section-row")).isEmpty();
        assertThat(older.select(".listing")).hasSize(1);
        assertThat(older.select(".listing-first")).as("no story of an older page is set larger than the rest").isEmpty();
        assertThat(headlines(older.selectFirst(".listing"))).containsExactly("Science 21", "Science 22", "Science 23");
        assertThat(older.select(".listing > .card.card-row")).hasSize(3);
        // its pictures are small, and asked for at the size they are shown
        assertThat(older.select(".card-picture img").attr("sizes")).isEqualTo("(min-width: 40em) 9rem, 6.5rem");
    }

    @Test
    void aTopicPageStaysAListOfTheSameStories() {
        Document topic = app.page("/topics/orbit/");

        assertThat(topic.select(".section-front, .front-top, .section-row")).isEmpty();
        assertThat(topic.select(".listing.listing-first > .card.card-row")).hasSize(20);
        assertThat(topic.select(".card-kicker").eachText()).as("a topic's page names each story's section").containsOnly("Science");
    }

    @Test
    void aSectionWithFewStoriesShowsWhatItHas() {
        TestDatabase.jdbi().useHandle(h -> SectionStore.ensure(h, "letters", "Letters", ""));
        app.fixtures().store(NOW, story("Only letter").section("letters").published(NOW.minusSeconds(60)).build(),
                story("Second letter").section("letters").published(NOW.minusSeconds(120)).build());
        app.app().contentChanged();
        Document letters = app.page("/letters/");

        assertThat(letters.select(".section-front .front-lead .card-headline").eachText()).containsExactly("Only letter");
        assertThat(headlines(letters.selectFirst(".front-beside"))).containsExactly("Second letter");
        assertThat(letters.select(".section-secondary, .section-row, nav.pager")).isEmpty();
    }

    private static List<String> headlines(Element scope) {
        return scope.select(".card-headline").eachText();
    }
}
