package broadsheet.editing;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.article.ArticleContent;
import broadsheet.article.SearchFields;
import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks a draft passes before it is saved, each problem keyed by the form field it belongs to. */
class DraftCheckTest {
    private static ArticleContent draft(String headline, String standfirst, String slug, String section, String body) {
        return ArticleContent.builder().headline(headline).standfirst(standfirst).slug(slug).section(section)
                .bylines(List.of("Jane Reporter")).topics(List.of("Harbours")).body(body)
                .access(AccessLevel.FREE).comments(CommentPolicy.OPEN).build();
    }

    private static ArticleContent good() {
        return draft("Harbour vote delayed", "Councillors want more time", "harbour-vote-delayed", "world-news", "A paragraph.");
    }

    @Test
    void aGoodDraftHasNoProblems() {
        assertThat(DraftCheck.problems(good(), true)).isEmpty();
    }

    @Test
    void anEmptySlugIsAllowedBecauseItIsMadeFromTheHeadline() {
        assertThat(DraftCheck.problems(draft("Harbour vote delayed", "", "", "world-news", ""), true)).isEmpty();
    }

    @Test
    void theHeadlineIsRequiredOneLineAndAtMost300Characters() {
        assertThat(DraftCheck.problems(draft("   ", "", "", "world-news", ""), true)).containsOnlyKeys("headline")
                .containsValue("Every article needs a headline.");
        assertThat(DraftCheck.problems(draft("x".repeat(300), "", "", "world-news", ""), true)).isEmpty();
        assertThat(DraftCheck.problems(draft("x".repeat(301), "", "", "world-news", ""), true)).containsOnlyKeys("headline");
        assertThat(DraftCheck.problems(draft("Two\nlines", "", "", "world-news", ""), true))
                .containsEntry("headline", "A headline is one line.");
    }

    @Test
    void theStandfirstIsAtMost600Characters() {
        assertThat(DraftCheck.problems(draft("H", "s".repeat(600), "", "world-news", ""), true)).isEmpty();
        assertThat(DraftCheck.problems(draft("H", "s".repeat(601), "", "world-news", ""), true)).containsOnlyKeys("standfirst");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Harbour-Vote", "harbour vote", "harbour--vote", "-harbour", "harbour-", "harbour_vote", "hårbour"})
    void aSlugMustBeLowerCaseWordsJoinedByHyphens(String slug) {
        assertThat(DraftCheck.problems(draft("H", "", slug, "world-news", ""), true)).containsOnlyKeys("slug");
    }

    @Test
    void theSectionMustBeChosenAndExist() {
        assertThat(DraftCheck.problems(draft("H", "", "", "", ""), false)).containsEntry("section", "Choose a section.");
        assertThat(DraftCheck.problems(draft("H", "", "", "no-such", ""), false))
                .containsEntry("section", "There is no section \"no-such\".");
    }

    @Test
    void theBodyIsAtMostHalfAMillionCharacters() {
        assertThat(DraftCheck.problems(draft("H", "", "", "world-news", "b".repeat(DraftCheck.MAX_BODY)), true)).isEmpty();
        assertThat(DraftCheck.problems(draft("H", "", "", "world-news", "b".repeat(DraftCheck.MAX_BODY + 1)), true))
                .containsOnlyKeys("body");
    }

    @Test
    void bylinesTopicsAndSearchFieldsHaveTheirLimits() {
        var d = draft("H", "", "", "world-news", "").toBuilder().bylines(List.of("n".repeat(121))).topics(List.of("t".repeat(81)))
                .search(new SearchFields("s".repeat(201), "d".repeat(401))).build();
        assertThat(DraftCheck.problems(d, true)).containsOnlyKeys("bylines", "topics", "seoTitle", "seoDescription");

        var atLimits = draft("H", "", "", "world-news", "").toBuilder().bylines(List.of("n".repeat(120))).topics(List.of("t".repeat(80)))
                .search(new SearchFields("s".repeat(200), "d".repeat(400))).build();
        assertThat(DraftCheck.problems(atLimits, true)).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnceInFormOrder() {
        var d = draft("", "s".repeat(601), "Bad Slug", "", "");
        assertThat(DraftCheck.problems(d, false).keySet()).containsExactly("headline", "standfirst", "slug", "section");
    }

    private static ArticleContent named(List<String> bylines, List<String> topics) {
        return draft("Harbour vote delayed", "", "", "world-news", "A paragraph.").toBuilder().bylines(bylines).topics(topics).build();
    }

    @Test
    void bylinesAndTopicsAreNamesWithoutControlCharacters() {
        assertThat(DraftCheck.problems(named(List.of("Jane Reporter", "Bell\u0007Byline"), List.of()), true))
                .containsOnly(Map.entry("bylines",
                        "Byline 2 has a control character (such as a bell or an escape); a name is plain text on one line."));
        assertThat(DraftCheck.problems(named(List.of(), List.of("Escape\u001bTopic")), true))
                .containsOnly(Map.entry("topics",
                        "Topic 1 has a control character (such as a bell or an escape); a name is plain text on one line."));
        assertThat(DraftCheck.problems(named(List.of("Tab\tBetween"), List.of("Nul\u0000Topic")), true)).containsOnlyKeys("bylines", "topics");
    }

    @Test
    void anArticleHasAtMostTenBylines() {
        List<String> ten = IntStream.rangeClosed(1, 10).mapToObj(n -> "Writer " + n).toList();
        List<String> eleven = IntStream.rangeClosed(1, 11).mapToObj(n -> "Writer " + n).toList();

        assertThat(DraftCheck.problems(named(ten, List.of()), true)).isEmpty();
        assertThat(DraftCheck.problems(named(eleven, List.of()), true))
                .containsOnly(Map.entry("bylines", "An article can have at most 10 bylines; this one has 11."));
    }
}
