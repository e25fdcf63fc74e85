package broadsheet.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param total       how many articles match in all (for "1,204 results")
 * @param hits        this page's articles, at most {@link SearchQuery#PAGE_SIZE}
 * @param hasNext     another page follows (and is within {@link SearchQuery#MAX_PAGE})
 * @param didYouMean  the query with misspelt words replaced by words of the index, when it finds more; else ""
 * @param topics      topics related to the words (name and slug), for a page with few or no results
 * @param malformed   the text could not be read as a query (an unclosed quote, say) and was searched as plain words
 */
public record SearchResults(SearchQuery query, long total, List<SearchHit> hits, boolean hasNext, String didYouMean,
                            List<TopicLink> topics, boolean malformed) {
    public SearchResults {
        hits = List.copyOf(hits);
        topics = List.copyOf(topics);
        didYouMean = didYouMean == null ? "" : didYouMean;
    }

    /** A topic to suggest: its name and slug. */
    public record TopicLink(String name, String slug) {}
}
