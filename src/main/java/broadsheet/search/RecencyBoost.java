package broadsheet.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * The factor a match's score is multiplied by for its age: {@code 1 + lift * 0.5^(age / halfLife)}, so a new article
 * gains up to {@code lift} and an old one nothing, smoothly.
 */
final class RecencyBoost extends DoubleValuesSource {
    private final long nowSeconds;
    private final double lift;
    private final double halfLifeSeconds;

    RecencyBoost(long nowSeconds, Tuning tuning) {
        this.nowSeconds = nowSeconds;
        this.lift = tuning.recencyPercent() / 100.0;
        this.halfLifeSeconds = tuning.halfLifeDays() * 86_400.0;
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues published = DocValues.getNumeric(ctx.reader(), SearchIndex.PUBLISHED);
        return new DoubleValues() {
            private double value = 1;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                if (published.advanceExact(doc)) {
                    double age = Math.max(0, nowSeconds - published.longValue());
                    value = 1 + lift * Math.pow(0.5, age / halfLifeSeconds);
                } else {
                    value = 1;
                }
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return false; // "now" moves
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecencyBoost r && r.nowSeconds == nowSeconds && r.lift == lift && r.halfLifeSeconds == halfLifeSeconds;
    }

    @Override
    public int hashCode() {
        return Objects.hash(nowSeconds, lift, halfLifeSeconds);
    }

    @Override
    public String toString() {
        return "recency(lift=" + lift + ", halfLifeDays=" + halfLifeSeconds / 86_400 + ")";
    }
}
