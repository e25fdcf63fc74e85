package broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
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
    void stoppingAtTheFirstPassageHoldingEveryWordGivesWhatReadingTheWholeTextGives() {
        String[] vocabulary = {"harbour", "harbours", "Harbour's", "ferry", "ferries", "council", "the", "a", "of", "and",
                "said", "tide", "storm", "storms", "quay", "port", "—", ".", ",", "\n\n", "“reopen”", "x"};
        String[][] searches = {{"harbour"}, {"ferri"}, {"harbour", "ferri"}, {"storm", "quay", "tide"}, {"absent"}, {"harbour", "absent"}};
        java.util.Random random = new java.util.Random(7);
        Snippets snippets = new Snippets();
        for (int i = 0; i < 400; i++) {
            StringBuilder text = new StringBuilder();
            int words = 1 + random.nextInt(i % 4 == 0 ? 40 : 700);
            for (int w = 0; w < words; w++) {
                text.append(vocabulary[random.nextInt(vocabulary.length)]).append(random.nextInt(9) == 0 ? "  " : " ");
            }
            for (String[] terms : searches) {
                BooleanQuery.Builder query = new BooleanQuery.Builder();
                for (String t : terms) query.add(new TermQuery(new Term(SearchIndex.BODY, t)), BooleanClause.Occur.SHOULD);
                Snippets.Marking marking = Snippets.marking(query.build());
                assertThat(marking.terms()).hasSize(terms.length);
                assertThat(snippets.of(text.toString(), marking, true)).as(String.join(" ", terms) + " in " + text)
                        .isEqualTo(snippets.of(text.toString(), marking, false));
            }
        }
    }

    @Test
    void aPassageFromTheMiddleOpensOnAWordNotOnPunctuation() {
        String text = "x ".repeat(400) + ". — Noor Haldane said the harbour would reopen. " + "y ".repeat(400);
        String snippet = shown(new Snippets().of(text, HARBOUR));
        assertThat(snippet).startsWith("… ").contains("[harbour]").endsWith(" …");
        assertThat(snippet.substring(2)).doesNotStartWith(".").doesNotStartWith("—").doesNotStartWith(" ");
    }
}
