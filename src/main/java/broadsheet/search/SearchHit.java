package broadsheet.search;

import broadsheet.content.AccessLevel;
import java.time.Instant;
import java.util.List;

/**
 * One article found.
 *
 * @param path        the article's address on the site, e.g. {@code /world/2026/dec/06/some-slug}
 * @param sectionSlug the section's slug; {@code sectionName} its name
 * @param bylines     the contributors' names, in order
 * @param snippet     a short passage around the words searched for, from text this reader may see; empty when none
 *                    matched there
 */
public record SearchHit(long articleId, String path, String headline, String standfirst, String sectionSlug,
                        String sectionName, List<String> bylines, Instant published, AccessLevel access,
                        List<Snippet> snippet) {
    public SearchHit {
        bylines = List.copyOf(bylines);
        snippet = List.copyOf(snippet);
    }

    /** A run of snippet text; {@code match} where it is one of the words searched for (shown highlighted). Not escaped. */
    public record Snippet(String text, boolean match) {}
}
