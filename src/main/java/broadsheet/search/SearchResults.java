package broadsheet.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param total       how many articles match in all (for "1,204 results"), counted up to {@link #COUNTED}: when more
 *                    match, {@code COUNTED} and {@code more}
 * @param more        more than {@code total} articles match ("more than 1,000 results"); they are not counted, so that a
 *                    search costs no more in a larger archive
 * @param hits        this page's articles, at most {@link SearchQuery#PAGE_SIZE}
 * @param hasNext     another page follows (and is within {@link SearchQuery#MAX_PAGE})
 * @param didYouMean  the query with misspelt words replaced by words of the index, when it finds more; else ""
 * @param topics      topics related to the words (name and slug), for a page with few or no results
 * @param malformed   the text could not be read as a query (an unclosed quote, say) and was searched as plain words
 */
public record SearchResults(SearchQuery query, long total, boolean more, List<SearchHit> hits, boolean hasNext, String didYouMean,
                            List<TopicLink> topics, boolean malformed) {
    /** How far matches are counted: as many as the deepest page shows ({@link SearchQuery#MAX_PAGE} pages). */
    public static final int COUNTED = SearchQuery.MAX_PAGE * SearchQuery.PAGE_SIZE;

    public SearchResults {
        hits = List.copyOf(hits);
        topics = List.copyOf(topics);
        didYouMean = didYouMean == null ? "" : didYouMean;
    }

    /** A topic to suggest: its name and slug. */
    public record TopicLink(String name, String slug) {}
}
