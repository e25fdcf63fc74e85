package broadsheet.search;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * A query's matches, each score multiplied by a factor for the article's age: {@code 1 + lift * 0.5^(age / halfLife)},
 * so a new article gains up to {@code lift} and an old one nothing, smoothly.
 *
 * <p>The factor is at most {@code 1 + lift}, and the scorer says so: a match can score at most that many times what the
 * words alone score. So when the collector needs only the top of the results, the words' scorer is told the least it
 * must beat (the page's lowest score divided by that bound) and skips whole blocks of documents that cannot reach the
 * page, as it does for words alone; the ranking is the same as scoring every match.
 *
 * <p>In an index sorted newest first ({@link SearchIndex#NEWEST_FIRST}) the bound is tighter: no article after the one
 * just scored is newer, so none gets a larger factor than it did. As the search moves into older articles the words
 * must score ever closer to the page's lowest score on their own, and the old matches of a large archive, which the
 * lift can no longer carry onto the page, are skipped like any weak match. That keeps a search by relevance from
 * growing with the archive.
 */
final class RecencyBoost extends Query {
    private final Query in;
    private final long nowSeconds;
    private final double lift;
    private final double halfLifeSeconds;

    RecencyBoost(Query in, long nowSeconds, Tuning tuning) {
        this(in, nowSeconds, tuning.recencyPercent() / 100.0, tuning.halfLifeDays() * 86_400.0);
    }

    private RecencyBoost(Query in, long nowSeconds, double lift, double halfLifeSeconds) {
        this.in = Objects.requireNonNull(in);
        this.nowSeconds = nowSeconds;
        this.lift = lift;
        this.halfLifeSeconds = halfLifeSeconds;
    }

    /** The factor for an article published at {@code publishedSeconds}. */
    double factor(long publishedSeconds) {
        double age = Math.max(0, nowSeconds - publishedSeconds);
        return 1 + lift * Math.pow(0.5, age / halfLifeSeconds);
    }

    /** No factor is larger than this (rounded up, so a bound computed in floats never undercuts a real score). */
    private float maxFactor() {
        return Math.nextUp((float) (1 + lift));
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = in.rewrite(searcher);
        return rewritten == in ? this : new RecencyBoost(rewritten, nowSeconds, lift, halfLifeSeconds);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        in.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight inner = in.createWeight(searcher, scoreMode, boost);
        if (!scoreMode.needsScores()) return inner;
        return new Weight(this) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext ctx) throws IOException {
                ScorerSupplier words = inner.scorerSupplier(ctx);
                if (words == null) return null;
                NumericDocValues published = DocValues.getNumeric(ctx.reader(), SearchIndex.PUBLISHED);
                // a second reader of the dates, for the bounds asked ahead of the scoring
                NumericDocValues ahead = SearchIndex.NEWEST_FIRST.equals(ctx.reader().getMetaData().sort())
                        ? DocValues.getNumeric(ctx.reader(), SearchIndex.PUBLISHED) : null;
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) throws IOException {
                        return new Lifted(words.get(leadCost), published, ahead);
                    }

                    @Override
                    public long cost() {
                        return words.cost();
                    }

                    @Override
                    public void setTopLevelScoringClause() throws IOException {
                        words.setTopLevelScoringClause();
                    }
                };
            }

            @Override
            public Explanation explain(LeafReaderContext ctx, int doc) throws IOException {
                Explanation words = inner.explain(ctx, doc);
                if (!words.isMatch()) return words;
                NumericDocValues published = DocValues.getNumeric(ctx.reader(), SearchIndex.PUBLISHED);
                double f = published.advanceExact(doc) ? factor(published.longValue()) : 1;
                return Explanation.match((float) (words.getValue().floatValue() * f), "recency lift, product of:", words,
                        Explanation.match((float) f, RecencyBoost.this.toString("")));
            }

            @Override
            public Matches matches(LeafReaderContext ctx, int doc) throws IOException {
                return inner.matches(ctx, doc);
            }

            @Override
            public int count(LeafReaderContext ctx) throws IOException {
                return inner.count(ctx);
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false; // "now" moves
            }
        };
    }

    /**
     * The words' scorer, each score multiplied by the factor; the bounds it gives and is given scaled by the largest
     * factor still to come: the largest of all, or, in an index sorted newest first, the last scored article's.
     */
    private final class Lifted extends Scorer {
        private final Scorer words;
        private final NumericDocValues published;
        /** The dates read for {@link #getMaxScore}; null when the segment is not sorted newest first. */
        private final NumericDocValues ahead;
        private final float maxFactor = maxFactor();
        private int factorDoc = -1;
        private double factor = 1;
        private int shallowTarget = 0;
        private int aheadDoc = -1;
        private double aheadFactor;
        /** The least score the collector asked for, and the least the words were then asked for. */
        private float minScore = 0;
        private float wordsMinScore = 0;

        Lifted(Scorer words, NumericDocValues published, NumericDocValues ahead) {
            this.words = words;
            this.published = published;
            this.ahead = ahead;
        }

        @Override
        public float score() throws IOException {
            int doc = words.docID();
            if (doc != factorDoc) {
                factor = published.advanceExact(doc) ? factor(published.longValue()) : 1;
                factorDoc = doc;
                // no later article is newer than this one: the words alone must now do more to make the page
                if (ahead != null && minScore > 0) passDown(factor);
            }
            return (float) (words.score() * factor);
        }

        @Override
        public int docID() {
            return words.docID();
        }

        @Override
        public DocIdSetIterator iterator() {
            return words.iterator();
        }

        @Override
        public TwoPhaseIterator twoPhaseIterator() {
            return words.twoPhaseIterator();
        }

        @Override
        public int advanceShallow(int target) throws IOException {
            shallowTarget = Math.max(shallowTarget, target);
            return words.advanceShallow(target);
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            return words.getMaxScore(upTo) * (float) Math.nextUp(largestFactorFrom(shallowTarget));
        }

        /** No article from {@code doc} on gets a larger factor than this. */
        private double largestFactorFrom(int doc) throws IOException {
            if (ahead == null || doc < aheadDoc) return maxFactor;
            if (doc != aheadDoc) {
                aheadDoc = doc;
                // without a date an article sorts last and gets no lift, nor do the ones after it
                aheadFactor = ahead.advanceExact(doc) ? factor(ahead.longValue()) : 1;
            }
            return aheadFactor;
        }

        @Override
        public void setMinCompetitiveScore(float minScore) throws IOException {
            this.minScore = minScore;
            passDown(ahead != null && factorDoc >= 0 && factorDoc == words.docID() ? factor : maxFactor);
        }

        /**
         * Tells the words the least they must score: a match must beat {@code minScore}, and with a factor of at most
         * {@code largestFactor} its words score at least {@code minScore / largestFactor} to do so (rounded down:
         * never skip one that could). Only ever raised.
         */
        private void passDown(double largestFactor) throws IOException {
            float least = Math.max(0f, Math.nextDown((float) (minScore / largestFactor)));
            if (least > wordsMinScore) {
                wordsMinScore = least;
                words.setMinCompetitiveScore(least);
            }
        }

        @Override
        public Collection<ChildScorable> getChildren() {
            return List.of(new ChildScorable(words, "MUST"));
        }
    }

    @Override
    public String toString(String field) {
        return "recency(" + in.toString(field) + ", lift=" + lift + ", halfLifeDays=" + halfLifeSeconds / 86_400 + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecencyBoost r && r.in.equals(in) && r.nowSeconds == nowSeconds && r.lift == lift
                && r.halfLifeSeconds == halfLifeSeconds;
    }

    @Override
    public int hashCode() {
        return Objects.hash(in, nowSeconds, lift, halfLifeSeconds);
    }
}
