package broadsheet.importing;

import broadsheet.article.ArticleContent;
import broadsheet.article.ArticlePaths;
import broadsheet.article.LeadPicture;
import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import broadsheet.text.Slugs;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * One article as read from a Markdown file with front matter (or made by the demo generator), before it is stored:
 * its content, and what the file says beyond it.
 *
 * @param origin       where it came from, for messages (a file path, or {@code demo:17})
 * @param content      the article's content as the file gives it: the headline with its typographic quotes, the
 *                     section's slug (e.g. {@code world-news}), bylines (people or desks) and topics in order, the body
 *                     with its pictures' destinations as written, no lead picture of the library yet, an empty slug
 *                     to make one from the headline, and null access or comments for the paper's defaults for new
 *                     articles ({@link #stored})
 * @param published    first publication
 * @param updated      last significant update, or null
 * @param leadImage    the lead picture, or null
 * @param inlineImages pictures the body refers to, keyed by the exact destination written in the Markdown
 * @param lines        the file line of each front matter key, for messages (empty when not read from a file)
 * @param importKey    which article the file is across imports ({@link ImportKeys}); null when not read from a file
 */
public record ArticleSource(
        String origin,
        ArticleContent content,
        Instant published,
        Instant updated,
        ImageSource leadImage,
        Map<String, ImageSource> inlineImages,
        Map<String, Integer> lines,
        String importKey) {

    public ArticleSource {
        inlineImages = Map.copyOf(inlineImages);
        lines = Map.copyOf(lines);
    }

    /** An article not read from a file (the demo's). */
    public ArticleSource(String origin, ArticleContent content, Instant published, Instant updated, ImageSource leadImage,
                         Map<String, ImageSource> inlineImages) {
        this(origin, content, published, updated, leadImage, inlineImages, Map.of(), null);
    }

    /** The same article, identified across imports by {@code key}. */
    public ArticleSource withImportKey(String key) {
        return new ArticleSource(origin, content, published, updated, leadImage, inlineImages, lines, key);
    }

    /**
     * The content as it is stored: at its address's slug, with the lead picture and the body as they refer to the
     * media library, and the paper's defaults where the file leaves access or comments to them.
     */
    public ArticleContent stored(Long leadImageId, String body, AccessLevel defaultAccess, CommentPolicy defaultComments) {
        return content.toBuilder().slug(addressSlug()).lead(LeadPicture.of(leadImageId)).body(body).build()
                .withDefaults(defaultAccess, defaultComments);
    }

    /** The slug of its address: the one given, or one made from the headline. */
    public String addressSlug() {
        return content.slug().isEmpty() ? Slugs.of(content.headline()) : content.slug();
    }

    /** The front matter key its address slug comes from, for messages about its address. */
    public String addressKey() {
        return content.slug().isEmpty() ? "title" : "slug";
    }

    /** Its address on the site, its date taken in the paper's zone. */
    public String path(ZoneId zone) {
        return ArticlePaths.of(content.sectionSlug(), published, zone, addressSlug());
    }

    /** The line of a front matter key in the file, or 1 (the opening line) when unknown. */
    public int lineOf(String key) {
        return lines.getOrDefault(key, 1);
    }
}
