package broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.apache.lucene.search.highlight.TextFragment;
import org.apache.lucene.search.highlight.WeightedSpanTerm;

/**
 * The passage of a text around the words searched for, as runs of plain and matched text. It is handed only text the
 * reader may see, so it can only ever show that.
 */
final class Snippets {
    /** About how long a snippet is, in characters. */
    static final int LENGTH = 200;
    private static final char ON = '\u0001';
    private static final char OFF = '\u0002';

    /**
     * What one search marks, worked out once for all its hits. A query of words alone (no phrase) is marked by its terms,
     * which is what Lucene's span extraction finds for it too, without indexing each hit's text in memory first; a
     * phrase needs the positions of its words in each text, so it goes the long way.
     *
     * @param terms the query's terms, each of weight 1, or null when the query holds more than terms
     */
    record Marking(Query query, WeightedSpanTerm[] terms) {}

    /** The marking for {@code query} (on the body field). */
    static Marking marking(Query query) {
        Map<String, WeightedSpanTerm> terms = new LinkedHashMap<>();
        return new Marking(query, termsOnly(query, terms) ? terms.values().toArray(WeightedSpanTerm[]::new) : null);
    }

    private static boolean termsOnly(Query query, Map<String, WeightedSpanTerm> terms) {
        if (query instanceof TermQuery t) {
            if (t.getTerm().field().equals(SearchIndex.BODY)) terms.putIfAbsent(t.getTerm().text(), new WeightedSpanTerm(1f, t.getTerm().text()));
            return true;
        }
        if (query instanceof BooleanQuery b) {
            for (BooleanClause c : b.clauses()) {
                if (c.isProhibited()) continue;
                if (!termsOnly(c.query(), terms)) return false;
            }
            return true;
        }
        return false;
    }

    /** The best passage of {@code text} for {@code query} (on the body field), or no runs when nothing matched. */
    List<SearchHit.Snippet> of(String text, Query query) {
        return of(text, marking(query));
    }

    /** The best passage of {@code text} for what {@code marking} marks, or no runs when nothing matched. */
    List<SearchHit.Snippet> of(String text, Marking marking) {
        if (text.isEmpty()) return List.of();
        String clean = text.replace(ON, ' ').replace(OFF, ' ');
        QueryScorer scorer = marking.terms() != null ? new QueryScorer(marking.terms()) : new QueryScorer(marking.query(), SearchIndex.BODY);
        Highlighter highlighter = new Highlighter((original, group) -> group.getTotalScore() > 0 ? ON + original + OFF : original, scorer);
        highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, LENGTH));
        try {
            TextFragment[] best = highlighter.getBestTextFragments(
                    SearchIndex.ANALYZER.tokenStream(SearchIndex.BODY, clean), clean, false, 1);
            if (best.length == 0 || best[0] == null || best[0].getScore() <= 0) return List.of();
            return runs(best[0].toString(), clean);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidTokenOffsetsException e) {
            return List.of();
        }
    }

    /** A break between two blocks of the body (a blank line), with what ends the first block. */
    private static final Pattern BLOCK_BREAK = Pattern.compile("(\\S?)\\s*\\n\\s*\\n\\s*");
    /** What ends a block as a sentence does, so the next one needs no mark between. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;\"”’)…]");
    /** Punctuation and spaces a passage cut from the middle of a text may open with (". — Noor..."). */
    private static final Pattern LOOSE_OPENING = Pattern.compile("^[\\s\\p{Punct}\\p{Pd}·]+");

    private static List<SearchHit.Snippet> runs(String marked, String whole) {
        String plain = marked.replace(String.valueOf(ON), "").replace(String.valueOf(OFF), "");
        boolean fromStart = whole.strip().startsWith(plain.strip());
        // blocks read as separate: a block ending without a full stop is set off from the next one
        String trimmed = BLOCK_BREAK.matcher(marked.strip()).replaceAll(m ->
                Matcher.quoteReplacement(m.group(1) + (SENTENCE_END.matcher(m.group(1)).matches() ? " " : IndexedArticle.PART_BREAK)))
                .replaceAll("\\s+", " ");
        if (!fromStart) trimmed = LOOSE_OPENING.matcher(trimmed).replaceFirst("");
        List<SearchHit.Snippet> runs = new ArrayList<>();
        if (!fromStart) runs.add(new SearchHit.Snippet("… ", false));
        StringBuilder run = new StringBuilder();
        boolean match = false;
        for (char c : trimmed.toCharArray()) {
            if (c == ON || c == OFF) {
                if (!run.isEmpty()) runs.add(new SearchHit.Snippet(run.toString(), match));
                run.setLength(0);
                match = c == ON;
            } else {
                run.append(c);
            }
        }
        if (!run.isEmpty()) runs.add(new SearchHit.Snippet(run.toString(), match));
        if (!whole.strip().endsWith(plain.strip())) runs.add(new SearchHit.Snippet(" …", false));
        return runs;
    }
}
