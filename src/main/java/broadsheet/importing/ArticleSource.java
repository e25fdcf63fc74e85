package broadsheet.importing;

import broadsheet.content.AccessLevel;
import broadsheet.article.ArticlePaths;
import broadsheet.content.CommentPolicy;
import broadsheet.text.Slugs;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * One article as read from a Markdown file with front matter (or made by the demo generator), before it is stored.
 *
 * @param origin       where it came from, for messages (a file path, or {@code demo:17})
 * @param headline     the headline, typographic quotes kept
 * @param standfirst   the longer summary line under the headline, may be empty
 * @param sectionSlug  the section's slug, e.g. {@code world-news}
 * @param slug         the URL slug, or null to derive it from the headline
 * @param bylines      contributor names (people or desks), in order
 * @param topics       topic names, in order
 * @param published    first publication
 * @param updated      last significant update, or null
 * @param leadImage    the lead picture, or null
 * @param access       who may read the body; null for the paper's default for new articles
 * @param comments     the comment policy; null for the paper's default for new articles
 * @param bodyMarkdown the body, CommonMark
 * @param inlineImages pictures the body refers to, keyed by the exact destination written in the Markdown
 * @param lines        the file line of each front matter key, for messages (empty when not read from a file)
 * @param importKey    which article the file is across imports ({@link ImportKeys}); null when not read from a file
 */
public record ArticleSource(
        String origin,
        String headline,
        String standfirst,
        String sectionSlug,
        String slug,
        List<String> bylines,
        List<String> topics,
        Instant published,
        Instant updated,
        ImageSource leadImage,
        AccessLevel access,
        CommentPolicy comments,
        String bodyMarkdown,
        Map<String, ImageSource> inlineImages,
        Map<String, Integer> lines,
        String importKey) {

    public ArticleSource {
        standfirst = standfirst == null ? "" : standfirst.strip();
        bylines = List.copyOf(bylines);
        topics = List.copyOf(topics);
        inlineImages = Map.copyOf(inlineImages);
        lines = Map.copyOf(lines);
    }

    /** An article not read from a file (the demo's). */
    public ArticleSource(String origin, String headline, String standfirst, String sectionSlug, String slug,
                         List<String> bylines, List<String> topics, Instant published, Instant updated,
                         ImageSource leadImage, AccessLevel access, CommentPolicy comments, String bodyMarkdown,
                         Map<String, ImageSource> inlineImages) {
        this(origin, headline, standfirst, sectionSlug, slug, bylines, topics, published, updated, leadImage, access,
                comments, bodyMarkdown, inlineImages, Map.of(), null);
    }

    /** The same article, identified across imports by {@code key}. */
    public ArticleSource withImportKey(String key) {
        return new ArticleSource(origin, headline, standfirst, sectionSlug, slug, bylines, topics, published, updated,
                leadImage, access, comments, bodyMarkdown, inlineImages, lines, key);
    }

    /** The slug of its address: the one given, or one made from the headline. */
    public String addressSlug() {
        return slug != null ? slug : Slugs.of(headline);
    }

    /** The front matter key its address slug comes from, for messages about its address. */
    public String addressKey() {
        return slug != null ? "slug" : "title";
    }

    /** Its address on the site, its date taken in the paper's zone. */
    public String path(ZoneId zone) {
        return ArticlePaths.of(sectionSlug, published, zone, addressSlug());
    }

    /** The line of a front matter key in the file, or 1 (the opening line) when unknown. */
    public int lineOf(String key) {
        return lines.getOrDefault(key, 1);
    }
}
