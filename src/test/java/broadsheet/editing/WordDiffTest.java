package broadsheet.editing;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.article.ArticleContent;
import broadsheet.article.LeadPicture;
import broadsheet.article.SearchFields;
import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordDiffTest {
    @Test
    void anInsertedWordIsMarkedOnTheNewerSideOnly() {
        var s = WordDiff.compare("The harbour opened.", "The new harbour opened.");
        assertThat(s.before()).isEqualTo("The harbour opened.");
        assertThat(s.after()).isEqualTo("The <ins>new </ins>harbour opened.");
    }

    @Test
    void aDeletedWordIsMarkedOnTheOlderSideOnly() {
        var s = WordDiff.compare("The old harbour opened.", "The harbour opened.");
        assertThat(s.before()).isEqualTo("The <del>old </del>harbour opened.");
        assertThat(s.after()).isEqualTo("The harbour opened.");
    }

    @Test
    void aReplacedWordIsDeletedOnOneSideAndInsertedOnTheOther() {
        var s = WordDiff.compare("The harbour opened on Monday.", "The harbour closed on Monday.");
        assertThat(s.before()).isEqualTo("The harbour <del>opened</del> on Monday.");
        assertThat(s.after()).isEqualTo("The harbour <ins>closed</ins> on Monday.");
    }

    @Test
    void wholeWordsAreComparedNotLetters() {
        var s = WordDiff.compare("harbourmaster", "harbour master");
        assertThat(s.before()).isEqualTo("<del>harbourmaster</del>");
        assertThat(s.after()).isEqualTo("<ins>harbour master</ins>");
    }

    @Test
    void identicalTextHasNoMarks() {
        var s = WordDiff.compare("Nothing changed here.", "Nothing changed here.");
        assertThat(s.before()).isEqualTo("Nothing changed here.");
        assertThat(s.after()).isEqualTo(s.before());
    }

    @Test
    void markupInTheTextIsEscapedInsideAndOutsideTheMarks() {
        var s = WordDiff.compare("Say <b>hello</b> & \"bye\"", "Say <script>alert('x')</script> & \"bye\"");
        assertThat(s.before()).doesNotContain("<b>").contains("&lt;", "&amp; &quot;bye&quot;");
        assertThat(s.after()).doesNotContain("<script>").contains("<ins>alert(&#39;x&#39;)</ins>");
        assertThat(s.after().replaceAll("</?ins>", "")).isEqualTo("Say &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;bye&quot;");
    }

    @Test
    void fieldsSayWhichChangedAndTreatMissingAsEmpty() {
        var a = new Snapshot(ArticleContent.builder().headline("Harbour reopens").slug("harbour-reopens").section("news")
                .bylines(List.of("Jane Reporter")).topics(List.of("Ports")).body("Body.").access(AccessLevel.FREE)
                .comments(CommentPolicy.OPEN).search(new SearchFields(null, "")).build(), "draft");
        var b = new Snapshot(a.content().toBuilder().bylines(List.of("Jane Reporter", "Our Staff")).lead(LeadPicture.of(42L))
                .search(new SearchFields("", "")).build(), "draft");
        var changed = WordDiff.fields(a, b).stream().filter(WordDiff.Field::changed).map(WordDiff.Field::label).toList();
        assertThat(changed).containsExactly("Bylines", "Lead picture");
        var bylines = WordDiff.fields(a, b).stream().filter(f -> f.label().equals("Bylines")).findFirst().orElseThrow();
        assertThat(bylines.after()).isEqualTo("Jane Reporter<ins>\nOur Staff</ins>");
    }
}
