package broadsheet.article;

import broadsheet.media.Picture;
import broadsheet.content.Section;
import broadsheet.content.AccessLevel;
import java.time.Instant;
import java.util.List;

/** An article as listings show it: headline, standfirst, picture, byline and time. */
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
        AccessLevel access) {

    public Instant lastSignificantChange() {
        return updated != null ? updated : published;
    }
}
