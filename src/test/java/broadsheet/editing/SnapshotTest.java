package broadsheet.editing;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.article.ArticleContent;
import broadsheet.article.LeadPicture;
import broadsheet.article.SearchFields;
import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import broadsheet.shared.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Revisions and autosaves keep an article's content as JSON in the database, so the stored shape outlives the code:
 * a snapshot is written in the flat shape revisions have always had, and what was stored before reads back whole.
 */
class SnapshotTest {
    /** A revision as stored by earlier versions, every member given. */
    private static final String FULL = "{\"headline\":\"Harbour reopens\",\"standfirst\":\"What happened.\",\"slug\":\"harbour-reopens\","
            + "\"sectionSlug\":\"news\",\"bylines\":[\"Jane Reporter\",\"Our Staff\"],\"topics\":[\"Ports\"],\"leadImageId\":42,"
            + "\"leadImageCaption\":\"The quay\",\"leadImageCredit\":\"Photo: Ann\",\"leadImageAlt\":\"Boats at the quay\","
            + "\"body\":\"Body.\\n\\nMore.\",\"access\":\"premium\",\"comments\":\"closed\",\"seoTitle\":\"Harbour\","
            + "\"seoDescription\":\"About the harbour\",\"status\":\"published\"}";
    /** A revision as stored by earlier versions, without a lead picture. */
    private static final String BARE = "{\"headline\":\"H\",\"standfirst\":\"\",\"slug\":\"\",\"sectionSlug\":\"news\",\"bylines\":[],"
            + "\"topics\":[],\"leadImageCaption\":\"\",\"leadImageCredit\":\"\",\"leadImageAlt\":\"\",\"body\":\"\",\"access\":\"free\","
            + "\"comments\":\"open\",\"seoTitle\":\"\",\"seoDescription\":\"\",\"status\":\"draft\"}";

    private static Snapshot full() {
        return new Snapshot(ArticleContent.builder().headline("Harbour reopens").standfirst("What happened.").slug("harbour-reopens")
                .section("news").bylines(List.of("Jane Reporter", "Our Staff")).topics(List.of("Ports"))
                .lead(new LeadPicture(42L, "The quay", "Photo: Ann", "Boats at the quay")).body("Body.\n\nMore.")
                .access(AccessLevel.PREMIUM).comments(CommentPolicy.CLOSED).search(new SearchFields("Harbour", "About the harbour"))
                .build(), "published");
    }

    private static Snapshot bare() {
        return new Snapshot(ArticleContent.builder().headline("H").section("news").access(AccessLevel.FREE).comments(CommentPolicy.OPEN)
                .build(), "draft");
    }

    @Test
    void aSnapshotIsStoredInTheFlatShapeRevisionsHaveAlwaysHad() {
        assertThat(new String(Json.bytes(full()), StandardCharsets.UTF_8)).isEqualTo(FULL);
        assertThat(new String(Json.bytes(bare()), StandardCharsets.UTF_8)).isEqualTo(BARE);
    }

    @Test
    void whatWasStoredBeforeReadsBackWhole() {
        assertThat(Revisions.parse(FULL)).isEqualTo(full());
        assertThat(Revisions.parse(BARE)).isEqualTo(bare());
    }

    @Test
    void anAccessOrCommentWordNoLongerKnownReadsAsFreeAndOpen() {
        Snapshot s = Revisions.parse(BARE.replace("\"free\"", "\"gold\"").replace("\"open\"", "\"shouting\""));

        assertThat(s.content().access()).isEqualTo(AccessLevel.FREE);
        assertThat(s.content().comments()).isEqualTo(CommentPolicy.OPEN);
    }
}
