package broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Fragmenter;
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
        return of(text, marking, true);
    }

    /**
     * As {@link #of(String, Marking)}; with {@code stopEarly}, a search of words alone stops reading the text after the
     * first passage that holds every word: no later passage can score more, and of passages that score the same the
     * first is taken. Most searches find their words in the opening lines, so most of a long body is never analysed.
     */
    List<SearchHit.Snippet> of(String text, Marking marking, boolean stopEarly) {
        if (text.isEmpty()) return List.of();
        String clean = text.replace(ON, ' ').replace(OFF, ' ');
        QueryScorer scorer = marking.terms() != null ? new QueryScorer(marking.terms()) : new QueryScorer(marking.query(), SearchIndex.BODY);
        Highlighter highlighter = new Highlighter((original, group) -> group.getTotalScore() > 0 ? ON + original + OFF : original, scorer);
        Fragmenter passages = new SimpleSpanFragmenter(scorer, LENGTH);
        TokenStream tokens = SearchIndex.ANALYZER.tokenStream(SearchIndex.BODY, clean);
        if (stopEarly && marking.terms() != null && marking.terms().length > 0) {
            // each word weighs 1 and counts once a passage: a passage scoring the number of words holds them all
            Until until = new Until(tokens);
            passages = new StopAtBest(passages, scorer, marking.terms().length, until);
            tokens = until;
        }
        highlighter.setTextFragmenter(passages);
        try {
            TextFragment[] best = highlighter.getBestTextFragments(tokens, clean, false, 1);
            if (best.length == 0 || best[0] == null || best[0].getScore() <= 0) return List.of();
            return runs(best[0].toString(), clean);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidTokenOffsetsException e) {
            return List.of();
        }
    }

    /** The text's words, until told to stop. */
    private static final class Until extends TokenFilter {
        private boolean stopped;

        Until(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            return !stopped && input.incrementToken();
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            stopped = false;
        }
    }

    /**
     * The passages as {@code passages} cuts them; when one ends with the best score there can be, the words stop after
     * the one that opens the next passage. The highlighter scores a passage's last word before it asks whether the next
     * word opens a new one, so the passage is whole when it is judged.
     */
    private record StopAtBest(Fragmenter passages, QueryScorer scorer, float best, Until until) implements Fragmenter {
        @Override
        public void start(String originalText, TokenStream tokenStream) {
            passages.start(originalText, tokenStream);
        }

        @Override
        public boolean isNewFragment() {
            boolean next = passages.isNewFragment();
            if (next && scorer.getFragmentScore() >= best) until.stopped = true;
            return next;
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
