package broadsheet.article;

import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import broadsheet.storage.Rows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Writes to {@code articles} and the tables that hang off it (bylines, topics, inline pictures, earlier
 * addresses). Every method takes the caller's {@link Handle}, so a whole import or edit is one
 * transaction; time is always passed in. A body's HTML is {@link BodyRebuild}'s to render and store. The rules of
 * publishing live with the callers.
 */
public final class ArticleStore {
    public static final RowMapper<Article> ROW = (rs, ctx) -> new Article(
            rs.getLong("id"), rs.getLong("section_id"), rs.getString("slug"), rs.getString("path"),
            rs.getString("headline"), rs.getString("standfirst"), rs.getString("seo_title"), rs.getString("seo_description"),
            rs.getString("body_source"), rs.getString("body_html"), (Long) rs.getObject("lead_image_id"),
            rs.getString("lead_image_caption"), rs.getString("lead_image_credit"), rs.getString("lead_image_alt"),
            AccessLevel.fromWord(rs.getString("access")).orElseThrow(),
            CommentPolicy.fromWord(rs.getString("comment_policy")).orElseThrow(),
            Status.fromWord(rs.getString("status")),
            Rows.instant(rs, "first_published_at"), Rows.instant(rs, "updated_at"),
            Rows.instant(rs, "created_at"), Rows.instant(rs, "modified_at"), rs.getInt("version"),
            Rows.instant(rs, "scheduled_at"), (Long) rs.getObject("created_by"), (Long) rs.getObject("created_by_token"));

    private ArticleStore() {}

    public static Optional<Article> byId(Handle h, long id) {
        return h.createQuery("SELECT * FROM articles WHERE id = :id").bind("id", id).map(ROW).findOne();
    }

    /** The article living at, or once living at, this address. */
    public static Optional<Long> idAtPath(Handle h, String path) {
        return h.createQuery("""
                        SELECT id FROM articles WHERE path = :path
                        UNION ALL SELECT article_id FROM article_paths WHERE path = :path LIMIT 1""")
                .bind("path", path).mapTo(Long.class).findOne();
    }

    /** The article imported from the file with this key (its path within the imported folder). */
    public static Optional<Long> idByImportKey(Handle h, String key) {
        return h.createQuery("SELECT id FROM articles WHERE import_key = :key").bind("key", key).mapTo(Long.class).findOne();
    }

    public static void setImportKey(Handle h, long id, String key) {
        h.createUpdate("UPDATE articles SET import_key = :key WHERE id = :id").bind("key", key).bind("id", id).execute();
    }

    /** Stores a new article that is published at once (imports, the demo), in the section {@code sectionId}. */
    public static long insertPublished(Handle h, long sectionId, ArticleContent c, String path, Instant published, Instant updated,
                                       Instant now) {
        long id = bind(h.createUpdate("""
                        INSERT INTO articles (section_id, slug, path, headline, standfirst, body_source,
                            lead_image_id, lead_image_caption, lead_image_credit, lead_image_alt, access, comment_policy,
                            seo_title, seo_description, status, first_published_at, updated_at, created_at, modified_at)
                        VALUES (:sectionId, :slug, :path, :headline, :standfirst, :bodySource,
                            :leadImageId, :leadImageCaption, :leadImageCredit, :leadImageAlt, :accessWord, :commentWord,
                            :seoTitle, :seoDescription, 'published', :published, :updated, :now, :now)"""), sectionId, c)
                .bind("path", path).bind("published", published).bind("updated", updated).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        BodyRebuild.store(h, id, c.body());
        return id;
    }

    /**
     * A new article to store published at once, with its body's HTML already rendered ({@link BodyRebuild#renderWithoutPictures})
     * and the key of the file it came from (or null).
     */
    public record NewPublished(long sectionId, ArticleContent content, String bodyHtml, String path, Instant published,
                               Instant updated, String importKey) {}

    /**
     * Stores new published articles in one statement (imports); the articles as stored, in order. The same rows as
     * {@link #insertPublished} and {@link BodyRebuild#store} give, one article at a time. The rows come back from the
     * insert itself, so their bodies are neither read back nor decompressed.
     */
    public static List<Article> insertPublished(Handle h, List<NewPublished> articles, Instant now) {
        if (articles.isEmpty()) return List.of();
        var q = h.createQuery("""
                INSERT INTO articles (section_id, slug, path, headline, standfirst, body_source, body_html,
                    lead_image_id, lead_image_caption, lead_image_credit, lead_image_alt, access, comment_policy,
                    seo_title, seo_description, status, first_published_at, updated_at, created_at, modified_at, import_key)
                SELECT section_id, slug, path, headline, standfirst, body_source, body_html,
                    lead_image_id, lead_image_caption, lead_image_credit, lead_image_alt, access, comment_policy,
                    seo_title, seo_description, 'published', CAST(published AS timestamptz), CAST(updated AS timestamptz),
                    :now, :now, import_key
                FROM unnest(:sectionId, :slug, :path, :headline, :standfirst, :bodySource, :bodyHtml, :leadImageId,
                    :leadImageCaption, :leadImageCredit, :leadImageAlt, :accessWord, :commentWord, :seoTitle, :seoDescription,
                    :published, :updated, :importKey)
                    AS a(section_id, slug, path, headline, standfirst, body_source, body_html, lead_image_id,
                    lead_image_caption, lead_image_credit, lead_image_alt, access, comment_policy, seo_title, seo_description,
                    published, updated, import_key)
                RETURNING *""");
        q.bindArray("sectionId", Long.class, articles.stream().map(NewPublished::sectionId).toList())
                .bindArray("leadImageId", Long.class, articles.stream().map(a -> a.content().lead().imageId()).toList())
                .bind("now", now);
        Map<String, Function<NewPublished, String>> texts = new LinkedHashMap<>();
        texts.put("slug", a -> a.content().slug());
        texts.put("path", NewPublished::path);
        texts.put("headline", a -> a.content().headline());
        texts.put("standfirst", a -> a.content().standfirst());
        texts.put("bodySource", a -> a.content().body());
        texts.put("bodyHtml", NewPublished::bodyHtml);
        texts.put("leadImageCaption", a -> emptyToNull(a.content().lead().caption()));
        texts.put("leadImageCredit", a -> emptyToNull(a.content().lead().credit()));
        texts.put("leadImageAlt", a -> emptyToNull(a.content().lead().alt()));
        texts.put("accessWord", a -> a.content().access().word());
        texts.put("commentWord", a -> a.content().comments().word());
        texts.put("seoTitle", a -> emptyToNull(a.content().search().title()));
        texts.put("seoDescription", a -> emptyToNull(a.content().search().description()));
        texts.put("published", a -> a.published().toString());
        texts.put("updated", a -> a.updated() == null ? null : a.updated().toString());
        texts.put("importKey", NewPublished::importKey);
        texts.forEach((name, column) -> q.bindArray(name, String.class, articles.stream().map(column).toList()));
        Map<String, Article> stored = new HashMap<>();
        q.map(ROW).forEach(a -> stored.put(a.path(), a));
        return articles.stream().map(a -> stored.get(a.path())).toList();
    }

    /**
     * Gives new articles their bylines or topics in one round trip: {@code links.get(i)} are the contributor or
     * topic ids of {@code articleIds.get(i)}, in order.
     */
    public static void addLinks(Handle h, Links kind, List<Long> articleIds, List<List<Long>> links) {
        List<Long> articles = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<Long> linked = new ArrayList<>();
        for (int i = 0; i < articleIds.size(); i++) {
            List<Long> each = links.get(i);
            for (int p = 0; p < each.size(); p++) {
                articles.add(articleIds.get(i));
                positions.add(p);
                linked.add(each.get(p));
            }
        }
        if (articles.isEmpty()) return;
        h.createUpdate("INSERT INTO " + kind.table + " (article_id, position, " + kind.column + ") SELECT * FROM unnest(:a, :p, :x)")
                .bindArray("a", Long.class, articles).bindArray("p", Integer.class, positions).bindArray("x", Long.class, linked)
                .execute();
    }

    /** What {@link #addLinks} adds. */
    public enum Links {
        BYLINES("article_bylines", "contributor_id"),
        TOPICS("article_topics", "topic_id");

        private final String table;
        private final String column;

        Links(String table, String column) {
            this.table = table;
            this.column = column;
        }
    }

    /** Replaces the content and public times of a published article, keeping its earlier address if it moves. */
    public static void replacePublished(Handle h, long id, long sectionId, ArticleContent c, String path, Instant published,
                                        Instant updated, Instant now) {
        movePath(h, id, path);
        bind(h.createUpdate("""
                        UPDATE articles SET section_id = :sectionId, slug = :slug, headline = :headline,
                            standfirst = :standfirst, body_source = :bodySource,
                            lead_image_id = :leadImageId, lead_image_caption = :leadImageCaption,
                            lead_image_credit = :leadImageCredit, lead_image_alt = :leadImageAlt,
                            access = :accessWord, comment_policy = :commentWord, seo_title = :seoTitle,
                            seo_description = :seoDescription, status = 'published',
                            first_published_at = :published, updated_at = :updated, modified_at = :now,
                            version = version + 1
                        WHERE id = :id"""), sectionId, c)
                .bind("published", published).bind("updated", updated).bind("now", now).bind("id", id)
                .execute();
        BodyRebuild.store(h, id, c.body());
    }

    /** Stores a new draft (newsroom, Admin API); its address comes at first publication. */
    public static long insertDraft(Handle h, long sectionId, ArticleContent c, Long createdBy, Long createdByToken, Instant now) {
        long id = bind(h.createUpdate("""
                        INSERT INTO articles (section_id, slug, headline, standfirst, body_source,
                            lead_image_id, lead_image_caption, lead_image_credit, lead_image_alt, access, comment_policy,
                            seo_title, seo_description, status, created_by, created_by_token, created_at, modified_at)
                        VALUES (:sectionId, :slug, :headline, :standfirst, :bodySource,
                            :leadImageId, :leadImageCaption, :leadImageCredit, :leadImageAlt, :accessWord, :commentWord,
                            :seoTitle, :seoDescription, 'draft', :createdBy, :createdByToken, :now, :now)"""), sectionId, c)
                .bind("createdBy", createdBy).bind("createdByToken", createdByToken).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        BodyRebuild.store(h, id, c.body());
        return id;
    }

    /**
     * Replaces the content of the article if it is still at {@code version} (optimistic locking); returns
     * the new version, or empty when someone saved in between and nothing was changed.
     */
    public static Optional<Integer> updateContent(Handle h, long id, int version, long sectionId, ArticleContent c, Instant now) {
        Optional<Integer> next = bind(h.createQuery("""
                        UPDATE articles SET section_id = :sectionId, slug = :slug, headline = :headline,
                            standfirst = :standfirst, body_source = :bodySource,
                            lead_image_id = :leadImageId, lead_image_caption = :leadImageCaption,
                            lead_image_credit = :leadImageCredit, lead_image_alt = :leadImageAlt,
                            access = :accessWord, comment_policy = :commentWord, seo_title = :seoTitle,
                            seo_description = :seoDescription, modified_at = :now, version = version + 1
                        WHERE id = :id AND version = :version RETURNING version"""), sectionId, c)
                .bind("now", now).bind("id", id).bind("version", version)
                .mapTo(Integer.class).findOne();
        if (next.isPresent()) BodyRebuild.store(h, id, c.body());
        return next;
    }

    /**
     * Binds the columns of an article's content, the article being in the section {@code sectionId}; the lead
     * picture's empty words and empty search fields are stored as null.
     */
    private static <S extends SqlStatement<S>> S bind(S statement, long sectionId, ArticleContent c) {
        return statement.bind("sectionId", sectionId).bind("slug", c.slug()).bind("headline", c.headline())
                .bind("standfirst", c.standfirst()).bind("bodySource", c.body())
                .bind("leadImageId", c.lead().imageId()).bind("leadImageCaption", emptyToNull(c.lead().caption()))
                .bind("leadImageCredit", emptyToNull(c.lead().credit())).bind("leadImageAlt", emptyToNull(c.lead().alt()))
                .bind("accessWord", c.access().word()).bind("commentWord", c.comments().word())
                .bind("seoTitle", emptyToNull(c.search().title())).bind("seoDescription", emptyToNull(c.search().description()));
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /** Moves the article through the workflow if it is still at {@code version}; returns the new version. */
    public static Optional<Integer> setStatus(Handle h, long id, int version, Status status, Instant firstPublished,
                                              Instant updated, Instant scheduled, Instant now) {
        return h.createQuery("""
                        UPDATE articles SET status = :status, first_published_at = :first, updated_at = :updated,
                            scheduled_at = :scheduled, modified_at = :now, version = version + 1
                        WHERE id = :id AND version = :version RETURNING version""")
                .bind("status", status.word()).bind("first", firstPublished).bind("updated", updated)
                .bind("scheduled", scheduled).bind("now", now).bind("id", id).bind("version", version)
                .mapTo(Integer.class).findOne();
    }

    public static void setUpdatedAt(Handle h, long id, Instant updated) {
        h.createUpdate("UPDATE articles SET updated_at = :u WHERE id = :id").bind("u", updated).bind("id", id).execute();
    }

    /** Locks the article's row for the rest of the transaction. */
    public static Optional<Article> lock(Handle h, long id) {
        return h.createQuery("SELECT * FROM articles WHERE id = :id FOR UPDATE").bind("id", id).map(ROW).findOne();
    }

    /** Gives the article a new address; the old one is kept so it can answer with a redirect. */
    public static void movePath(Handle h, long id, String newPath) {
        h.createUpdate("""
                        INSERT INTO article_paths (path, article_id)
                        SELECT path, id FROM articles WHERE id = :id AND path IS NOT NULL AND path <> :newPath
                        ON CONFLICT (path) DO UPDATE SET article_id = excluded.article_id""")
                .bind("id", id).bind("newPath", newPath).execute();
        h.createUpdate("DELETE FROM article_paths WHERE path = :newPath").bind("newPath", newPath).execute();
        h.createUpdate("UPDATE articles SET path = :newPath WHERE id = :id").bind("id", id).bind("newPath", newPath).execute();
    }

    public static void setBylines(Handle h, long articleId, List<Long> contributorIds) {
        h.createUpdate("DELETE FROM article_bylines WHERE article_id = :id").bind("id", articleId).execute();
        var batch = h.prepareBatch("INSERT INTO article_bylines (article_id, position, contributor_id) VALUES (:a, :p, :c)");
        for (int i = 0; i < contributorIds.size(); i++) {
            batch.bind("a", articleId).bind("p", i).bind("c", contributorIds.get(i)).add();
        }
        if (!contributorIds.isEmpty()) batch.execute();
    }

    public static void setTopics(Handle h, long articleId, List<Long> topicIds) {
        h.createUpdate("DELETE FROM article_topics WHERE article_id = :id").bind("id", articleId).execute();
        var batch = h.prepareBatch("INSERT INTO article_topics (article_id, position, topic_id) VALUES (:a, :p, :t)");
        for (int i = 0; i < topicIds.size(); i++) {
            batch.bind("a", articleId).bind("p", i).bind("t", topicIds.get(i)).add();
        }
        if (!topicIds.isEmpty()) batch.execute();
    }

    public static void setInlineImages(Handle h, long articleId, List<Long> imageIds) {
        h.createUpdate("DELETE FROM article_inline_images WHERE article_id = :id").bind("id", articleId).execute();
        // a body may still name a picture deleted from the library; it renders as nothing and is not a use
        var batch = h.prepareBatch("""
                INSERT INTO article_inline_images (article_id, image_id)
                SELECT :a, id FROM images WHERE id = :i ON CONFLICT DO NOTHING""");
        for (Long imageId : imageIds) batch.bind("a", articleId).bind("i", imageId).add();
        if (!imageIds.isEmpty()) batch.execute();
    }
}
