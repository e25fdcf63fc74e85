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
    void startingNearTheFirstMarkedWordGivesWhatReadingTheWholeTextGives() throws Exception {
        String[] vocabulary = {"harbour", "ferry", "council", "the", "a", "of", "and", "said", "tide", "storm", "storms",
                "quay", "port", "—", ".", ",", "\n\n", "“reopen”", "x", "timetable", "reopened", "crossing"};
        String[][] searches = {{"harbour"}, {"ferri"}, {"harbour", "ferri"}, {"storm", "quay", "tide"}, {"absent"}, {"harbour", "absent"}};
        java.util.Random random = new java.util.Random(11);
        Snippets snippets = new Snippets();
        int skipped = 0;
        for (int i = 0; i < 300; i++) {
            StringBuilder text = new StringBuilder();
            // the marked words are rare, so most texts find them far in
            int words = 1 + random.nextInt(i % 4 == 0 ? 60 : 1500);
            for (int w = 0; w < words; w++) {
                String word = vocabulary[random.nextInt(vocabulary.length)];
                if (word.equals("harbour") || word.equals("ferry") || word.equals("storm") || word.equals("quay")) {
                    if (random.nextInt(12) != 0) word = "tide";
                }
                text.append(word).append(random.nextInt(9) == 0 ? "  " : " ");
            }
            for (String[] terms : searches) {
                BooleanQuery.Builder query = new BooleanQuery.Builder();
                for (String t : terms) query.add(new TermQuery(new Term(SearchIndex.BODY, t)), BooleanClause.Occur.SHOULD);
                Snippets.Marking marking = Snippets.marking(query.build());
                int first = firstOf(text.toString(), java.util.Set.of(terms));
                if (first > 2 * Snippets.LENGTH) skipped++;
                assertThat(snippets.of(text.toString(), marking, first)).as(String.join(" ", terms) + " first at " + first + " in " + text)
                        .isEqualTo(snippets.of(text.toString(), marking, false));
            }
        }
        assertThat(skipped).as("searches whose first word is past the first two passages").isGreaterThan(300);
    }

    /** Where the first of the terms starts in the text as the body field analyses it, or NOWHERE. */
    private static int firstOf(String text, java.util.Set<String> terms) throws java.io.IOException {
        try (var tokens = SearchIndex.ANALYZER.tokenStream(SearchIndex.BODY, text)) {
            var term = tokens.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            var offsets = tokens.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
            tokens.reset();
            int first = Snippets.NOWHERE;
            while (tokens.incrementToken()) {
                if (terms.contains(term.toString())) {
                    first = offsets.startOffset();
                    break;
                }
            }
            tokens.end();
            return first;
        }
    }

    @Test
    void aPassageIsPutOnOneLineAsTheRegularExpressionsPutIt() {
        // the two expressions this one pass stands for: a blank line after what a block ends with, then any spaces
        java.util.regex.Pattern blockBreak = java.util.regex.Pattern.compile("(\\S?)\\s*\\n\\s*\\n\\s*");
        java.util.regex.Pattern sentenceEnd = java.util.regex.Pattern.compile("[.!?:;\"”’)…]");
        char[] alphabet = {'a', 'b', '.', '”', ')', ',', ' ', ' ', '\n', '\n', '\t', '\r', '\u0001', '\u0002', '·', '\u00a0', '\u2009'};
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int c = 0; c < length; c++) text.append(alphabet[random.nextInt(alphabet.length)]);
            String stripped = text.toString().strip();
            String expected = blockBreak.matcher(stripped).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                    m.group(1) + (sentenceEnd.matcher(m.group(1)).matches() ? " " : IndexedArticle.PART_BREAK))).replaceAll("\\s+", " ");
            assertThat(Snippets.oneLine(stripped)).as("%s", stripped.replace("\n", "\\n")).isEqualTo(expected);
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
