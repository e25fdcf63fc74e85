package broadsheet.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Each article's feed entry, written and compressed once per version of the article rather than on every request: an
 * RSS item or Atom entry depends only on the article (and the site's address and the full-text setting), never on the
 * feed that lists it, so the site's feed and a section's share it. An entry is kept under the article's id with the
 * version it was written from ({@link FeedQueries.Listed}); a feed whose listing names a newer version writes it anew.
 *
 * <p>What an entry shows beyond the article's own row (its section's, bylines' and topics' names, its picture's words and
 * sizes) changes without the article's version: every such change is announced on the change feed, and {@link #clear}
 * forgets every entry then. An entry read before a change and written after it is not kept (each clearing starts a new
 * generation, and an entry is kept only when the generation it was read in is still the current one). Bounded by the
 * bytes kept; the least used go first.
 */
final class FeedEntries {
    private final Cache<Key, Kept> kept;
    private final AtomicLong generation = new AtomicLong();

    /** {@code maxBytes}: how many bytes of entries (as text and compressed) may be kept. */
    FeedEntries(long maxBytes) {
        this.kept = Caffeine.newBuilder().maximumWeight(maxBytes).weigher((Key k, Kept v) -> v.utf8().length + v.piece().deflated().length + 128)
                .build();
    }

    /** Which entry: the article, in which format, with or without its body, for which site address. */
    private record Key(long articleId, boolean atom, boolean fullText, String baseUrl) {}

    /**
     * One written entry: the article's version it was written from, when the article last changed as readers are told
     * (for the feed's own date), its text as UTF-8 and compressed.
     */
    record Kept(FeedQueries.Listed listed, Instant updated, byte[] utf8, FeedGzip.Piece piece) {}

    /**
     * The entries of the listed articles, in their order: those kept for the listed version as they are, the others read
     * with {@code read} (by article id, in one go) and written. An article {@code read} no longer finds is left out.
     */
    List<Kept> entries(List<FeedQueries.Listed> listed, boolean atom, boolean fullText, String baseUrl,
                       Function<List<Long>, Map<Long, FeedQueries.Item>> read) {
        Kept[] out = new Kept[listed.size()];
        List<Long> missing = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            FeedQueries.Listed l = listed.get(i);
            Kept k = kept.getIfPresent(new Key(l.id(), atom, fullText, baseUrl));
            if (k != null && k.listed().equals(l)) out[i] = k;
            else missing.add(l.id());
        }
        if (!missing.isEmpty()) {
            long readIn = generation.get();
            Map<Long, FeedQueries.Item> items = read.apply(missing);
            for (int i = 0; i < out.length; i++) {
                if (out[i] != null) continue;
                FeedQueries.Item item = items.get(listed.get(i).id());
                if (item == null) continue;
                out[i] = write(item, atom, fullText, baseUrl);
                // a change announced since the read began may not be in what was read: then it serves this answer only
                var key = new Key(item.listed().id(), atom, fullText, baseUrl);
                kept.put(key, out[i]);
                if (generation.get() != readIn) kept.invalidate(key);
            }
        }
        List<Kept> entries = new ArrayList<>(out.length);
        for (Kept k : out) if (k != null) entries.add(k);
        return entries;
    }

    /** Forgets every entry: something an entry may show has changed. */
    void clear() {
        generation.incrementAndGet();
        kept.invalidateAll();
    }

    private static Kept write(FeedQueries.Item item, boolean atom, boolean fullText, String baseUrl) {
        var entry = new FeedWriter.Entry(item.card(), item.bodyHtml(), item.topics(), fullText);
        String text = atom ? FeedWriter.atomEntry(baseUrl, entry) : FeedWriter.rssItem(baseUrl, entry);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return new Kept(item.listed(), entry.updated(), utf8, FeedGzip.piece(utf8));
    }
}
