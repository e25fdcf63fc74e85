package broadsheet.article;

import broadsheet.media.Picture;
import broadsheet.content.Section;
import broadsheet.content.AccessLevel;
import java.time.Instant;
import java.util.List;

/**
 * An article as listings show it: headline, standfirst, picture, byline and time, and its count of comments
 * ({@code comments}: -1 when its comments are off), read with the listing.
 */
public record ArticleCard(
        long id,
        String url,
        String headline,
        String standfirst,
        Section section,
        Instant published,
        Instant updated,
        Picture picture,
        List<Byline> bylines,
        AccessLevel access,
        int comments) {

    public ArticleCard(long id, String url, String headline, String standfirst, Section section, Instant published, Instant updated,
                       Picture picture, List<Byline> bylines, AccessLevel access) {
        this(id, url, headline, standfirst, section, published, updated, picture, bylines, access, -1);
    }

    public Instant lastSignificantChange() {
        return updated != null ? updated : published;
    }
}
