package broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
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
        return of(text, marking, stopEarly, UNKNOWN);
    }

    /** Where the first marked word is in a text: not known, so the text is read from its start. */
    static final int UNKNOWN = -1;
    /** Where the first marked word is in a text: nowhere, so there is no snippet. */
    static final int NOWHERE = -2;

    /**
     * As {@link #of(String, Marking)}, told where in {@code text} the first of the marked words starts (as the index
     * recorded it: {@link SearchIndex#BODY} keeps its words' offsets), or {@link #NOWHERE} or {@link #UNKNOWN}. A search
     * of words alone then starts reading a few passages before that word instead of at the top of the text: every
     * passage before it scores nothing, so the passage found is the one reading the whole text finds.
     */
    List<SearchHit.Snippet> of(String text, Marking marking, int firstMarked) {
        return of(text, marking, true, firstMarked);
    }

    private List<SearchHit.Snippet> of(String text, Marking marking, boolean stopEarly, int firstMarked) {
        if (text.isEmpty()) return List.of();
        boolean terms = marking.terms() != null && marking.terms().length > 0;
        if (terms && (firstMarked == NOWHERE || firstMarked >= Math.min(text.length(), Highlighter.DEFAULT_MAX_CHARS_TO_ANALYZE))) {
            return List.of(); // no marked word in the part of the text a whole reading would analyse
        }
        String clean = text.replace(ON, ' ').replace(OFF, ' ');
        int from = terms && firstMarked >= 0 ? readFrom(clean, firstMarked) : 0;
        String read = from == 0 ? clean : clean.substring(from);
        QueryScorer scorer = marking.terms() != null ? new QueryScorer(marking.terms()) : new QueryScorer(marking.query(), SearchIndex.BODY);
        Highlighter highlighter = new Highlighter((original, group) -> group.getTotalScore() > 0 ? ON + original + OFF : original, scorer);
        // the same bound on what is analysed as a reading from the top has
        highlighter.setMaxDocCharsToAnalyze(Highlighter.DEFAULT_MAX_CHARS_TO_ANALYZE - from);
        Fragmenter passages = from == 0 ? new SimpleSpanFragmenter(scorer, LENGTH) : new PassagesFrom(from, clean.length());
        TokenStream tokens = SearchIndex.ANALYZER.tokenStream(SearchIndex.BODY, read);
        // read from a start point, the first word read is checked below; read from the top, nothing is
        First first = null;
        if (from > 0) tokens = first = new First(tokens);
        if (stopEarly && terms) {
            // each word weighs 1 and counts once a passage: a passage scoring the number of words holds them all
            Until until = new Until(tokens);
            passages = new StopAtBest(passages, scorer, marking.terms().length, until);
            tokens = until;
        }
        highlighter.setTextFragmenter(passages);
        try {
            TextFragment[] best = highlighter.getBestTextFragments(tokens, read, false, 1);
            boolean found = best.length > 0 && best[0] != null && best[0].getScore() > 0;
            // read from the top, the passages would differ: the first word read would have opened one, or the passage
            // found is the first one read (no passage opened between the start and the word found, as none opens in
            // the last half passage of a text), so it starts before the start. Read it all.
            if (from > 0 && (from + first.end >= LENGTH * (from / LENGTH + 1) || found && best[0].getFragNum() == 0)) {
                return of(text, marking, stopEarly, UNKNOWN);
            }
            if (!found) return List.of();
            return runs(best[0].toString(), clean);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidTokenOffsetsException e) {
            return List.of();
        }
    }

    /**
     * Where to start reading a text whose first marked word starts at {@code marked}: a space in the second half of the
     * passage before the one that word opens at the earliest, so that the passages after it are cut where a reading from
     * the top cuts them (they open at the first word ending at or past each multiple of {@link #LENGTH}, and in prose
     * a word ends in the first half of every passage); 0 when the word is in the first two passages or no space is there.
     */
    private static int readFrom(String text, int marked) {
        int passage = marked / LENGTH - 1;
        if (passage < 1) return 0;
        int start = passage * LENGTH + LENGTH * 2 / 5;
        int end = passage * LENGTH + LENGTH * 9 / 10;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n') return i + 1;
        }
        return 0;
    }

    /**
     * {@link SimpleSpanFragmenter}'s cut for words alone (a new passage at the first word ending at or past the next
     * multiple of {@link #LENGTH}, none in the last half passage), for a text read from {@code from} on.
     */
    private static final class PassagesFrom implements Fragmenter {
        private final int from;
        private final int size;
        private OffsetAttribute offsets;
        private int passages;

        PassagesFrom(int from, int size) {
            this.from = from;
            this.size = size;
        }

        @Override
        public void start(String originalText, TokenStream tokenStream) {
            offsets = tokenStream.addAttribute(OffsetAttribute.class);
            passages = from / LENGTH + 1;
        }

        @Override
        public boolean isNewFragment() {
            int end = from + offsets.endOffset();
            boolean next = end >= LENGTH * passages && size - end >= LENGTH >>> 1;
            if (next) passages++;
            return next;
        }
    }

    /** The text's words, noting where the first one ends. */
    private static final class First extends TokenFilter {
        private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
        private int end = -1;

        First(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) return false;
            if (end < 0) end = offsets.endOffset();
            return true;
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

    /** What ends a block as a sentence does, so the next one needs no mark between. */
    private static final String SENTENCE_END = ".!?:;\"”’)…";
    /** Punctuation and spaces a passage cut from the middle of a text may open with (". — Noor..."). */
    private static final Pattern LOOSE_OPENING = Pattern.compile("^[\\s\\p{Punct}\\p{Pd}·]+");

    /**
     * The text on one line: each run of spaces a single space, and a break between two blocks (a blank line) a space
     * after a block ending as a sentence does, or {@link IndexedArticle#PART_BREAK} after one that does not, so blocks
     * read as separate. The text starts with no space.
     */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            if (!space(c)) {
                out.append(c);
                i++;
                continue;
            }
            int lines = 0;
            int end = i;
            for (; end < n && space(text.charAt(end)); end++) {
                if (text.charAt(end) == '\n') lines++;
            }
            out.append(lines < 2 || i > 0 && SENTENCE_END.indexOf(text.charAt(i - 1)) >= 0 ? " " : IndexedArticle.PART_BREAK);
            i = end;
        }
        return out.toString();
    }

    /** What a regular expression's {@code \\s} is: an ASCII space, tab, line break, vertical tab or form feed. */
    private static boolean space(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
    }

    private static List<SearchHit.Snippet> runs(String marked, String whole) {
        String plain = marked.replace(String.valueOf(ON), "").replace(String.valueOf(OFF), "");
        boolean fromStart = whole.strip().startsWith(plain.strip());
        String trimmed = oneLine(marked.strip());
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
