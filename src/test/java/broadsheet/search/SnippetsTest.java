package broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Snippets read as prose: blocks and their parts stay apart, and a passage cut from the middle opens on a word. */
class SnippetsTest {
    private static final TermQuery HARBOUR = new TermQuery(new Term(SearchIndex.BODY, "harbour"));

    private static String shown(List<SearchHit.Snippet> runs) {
        return runs.stream().map(r -> r.match() ? "[" + r.text() + "]" : r.text()).collect(Collectors.joining());
    }

    @Test
    void aListsItemsAndAPicturesCaptionAndCreditAreKeptApart() {
        var list = Jsoup.parseBodyFragment("<ul><li>A timetable for the first decisions</li><li>A pledge on the harbour</li></ul>")
                .body().child(0);
        assertThat(IndexedArticle.text(list)).isEqualTo("A timetable for the first decisions · A pledge on the harbour");
        var figure = Jsoup.parseBodyFragment("<figure><img src=\"/x.jpg\" alt=\"\"><figcaption>The harbour at dawn "
                + "<span class=\"credit\">Mara Lind/Halvard Photo</span></figcaption></figure>").body().child(0);
        assertThat(IndexedArticle.text(figure)).isEqualTo("The harbour at dawn · Mara Lind/Halvard Photo");
        var nested = Jsoup.parseBodyFragment("<blockquote>\n<p>First part.</p>\n<ul>\n<li>\n<p>Second</p>\n</li>\n</ul>\n</blockquote>")
                .body().child(0);
        assertThat(IndexedArticle.text(nested)).isEqualTo("First part. · Second");
        var paragraph = Jsoup.parseBodyFragment("<p>The <em>harbour</em> reopened.</p>").body().child(0);
        assertThat(IndexedArticle.text(paragraph)).isEqualTo("The harbour reopened.");
    }

    @Test
    void blocksEndingWithoutAFullStopAreSetOffFromTheNext() {
        String text = "Talks over the crossing continued\n\nThe harbour reopened on Monday.\n\nFerries return this week.";
        assertThat(shown(new Snippets().of(text, HARBOUR)))
                .isEqualTo("Talks over the crossing continued · The [harbour] reopened on Monday. Ferries return this week.");
    }

    @Test
    void aPassageFromTheMiddleOpensOnAWordNotOnPunctuation() {
        String text = "x ".repeat(400) + ". — Noor Haldane said the harbour would reopen. " + "y ".repeat(400);
        String snippet = shown(new Snippets().of(text, HARBOUR));
        assertThat(snippet).startsWith("… ").contains("[harbour]").endsWith(" …");
        assertThat(snippet.substring(2)).doesNotStartWith(".").doesNotStartWith("—").doesNotStartWith(" ");
    }
}
