package broadsheet.search;

import broadsheet.content.AccessLevel;
import java.util.function.BiPredicate;

/** Finds published articles. The one way the pages and the Content API ask the index. */
public interface Search {

    /**
     * What one reader may see of the articles found, as the paywall decides: snippets come from the whole body
     * only where {@code fullText} says so, and otherwise from the first {@code previewParagraphs} blocks of the body
     * (or the standfirst alone when that is 0).
     *
     * @param fullText article id and access level to "this reader may read the whole text"
     */
    record Reading(BiPredicate<Long, AccessLevel> fullText, int previewParagraphs) {
        /** A reader who may read only free articles whole, seeing {@code previewParagraphs} of the others. */
        public static Reading freeOnly(int previewParagraphs) {
            return new Reading((id, access) -> access == AccessLevel.FREE, previewParagraphs);
        }
    }

    /**
     * Runs a query. Never throws for what a reader typed: a query that cannot be parsed as written is searched as
     * plain words, and {@link SearchResults#malformed()} says so.
     */
    SearchResults search(SearchQuery query, Reading reading);
}
