package broadsheet.feed;

import broadsheet.article.ArticleCard;
import broadsheet.article.ArticleQueries;
import broadsheet.article.Byline;
import broadsheet.content.AccessLevel;
import broadsheet.content.ContentRows;
import broadsheet.content.Topic;
import broadsheet.media.ImageStore;
import broadsheet.media.Picture;
import broadsheet.storage.Rows;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads what a feed carries in two steps. First which articles it lists: the latest published articles of the site, a
 * section, a topic or a contributor, newest first, each with its version ({@link #listed}: a short walk of the filter's
 * listing index, nothing else). Then, for the articles whose entry is not already written ({@link FeedEntries}), what an
 * entry shows, in one statement ({@link #items}): each with its section, bylines and topics, and its body only where the
 * feed carries it (a free article, while the newsroom's full-text setting is on); the lead pictures follow in two more
 * reads only when some article has one. The limit and the full-text choice are written into the text, so PostgreSQL plans
 * each of the few statements once and never per request. Each topic is looked up by its key inside the walk of the
 * article's topics (already in order): joined instead, PostgreSQL hashes the whole topics table once per article.
 */
final class FeedQueries {
    private static final String COLUMNS = """
            a.id, a.xmin::text::bigint AS row_version, a.path, a.headline, a.standfirst, a.first_published_at, a.updated_at, a.access,
            a.lead_image_id, a.lead_image_alt, a.lead_image_caption, a.lead_image_credit,
            s.id AS s_id, s.slug AS s_slug, s.name AS s_name, s.description AS s_description, s.position AS s_position,
            ARRAY(SELECT ARRAY[c.name, c.slug, c.kind, c.job_title] FROM article_bylines ab JOIN contributors c ON c.id = ab.contributor_id
                  WHERE ab.article_id = a.id ORDER BY ab.position) AS x_bylines,
            ARRAY(SELECT (SELECT ARRAY[t.id::text, t.slug, t.name, t.description] FROM topics t WHERE t.id = at.topic_id)
                  FROM article_topics at WHERE at.article_id = a.id ORDER BY at.position) AS x_topics""";
    private final Jdbi jdbi;

    FeedQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * An article as a feed lists it: its id and the version of its row, which says whether an entry written earlier is
     * still the article's. The row's version is the transaction that wrote it ({@code xmin}): it changes with every
     * update of the row, whatever the update (an edit, a picture taken off, a body rendered again), and a row written
     * again under a reused id has another.
     */
    record Listed(long id, long rowVersion) {}

    /** One article of a feed as read: its version, its card, its body ({@code ""} when the feed does not carry it) and its topics. */
    record Item(Listed listed, ArticleCard card, String bodyHtml, List<Topic> topics) {}

    /** The newest {@code size} published articles the filter selects, newest first. */
    List<Listed> listed(ArticleQueries.Filter filter, int size) {
        return jdbi.withHandle(h -> h.createQuery(listedSql(filter, size)).bind("filterId", id(filter))
                .map((rs, ctx) -> new Listed(rs.getLong(1), rs.getLong(2))).list());
    }

    /**
     * What the entries of these articles show, by article id (an article no longer published is left out). Each
     * item's {@link Listed} is the version read with it, so an entry is never kept under a newer version than its text.
     */
    Map<Long, Item> items(Collection<Long> ids, boolean fullText) {
        if (ids.isEmpty()) return Map.of();
        return jdbi.withHandle(h -> {
            List<Item> items = h.createQuery(itemsSql(fullText)).bind("ids", Rows.ids(List.copyOf(ids))).map((rs, ctx) -> item(rs)).list();
            List<Long> imageIds = items.stream().map(i -> i.card().picture() == null ? null : i.card().picture().id())
                    .filter(Objects::nonNull).distinct().toList();
            Map<Long, Picture> pictures = imageIds.isEmpty() ? Map.of() : ImageStore.pictures(h, imageIds);
            Map<Long, Item> out = new HashMap<>();
            for (Item i : items) {
                ArticleCard card = imageIds.isEmpty() ? i.card() : withPicture(i.card(), pictures);
                out.put(i.listed().id(), new Item(i.listed(), card, i.bodyHtml(), i.topics()));
            }
            return out;
        });
    }

    /**
     * The statement {@link #listed} runs (binding {@code filterId}): a walk of the filter's listing index that stops after
     * {@code size} rows. Package-visible so a test can EXPLAIN it.
     */
    static String listedSql(ArticleQueries.Filter filter, int size) {
        return "SELECT a.id, a.xmin::text::bigint AS row_version FROM " + from(filter) + "\nORDER BY " + order(filter) + " LIMIT " + size;
    }

    /** The statement {@link #items} runs (binding {@code ids}). Package-visible so a test can EXPLAIN it. */
    static String itemsSql(boolean fullText) {
        String body = fullText ? "CASE WHEN a.access = 'free' THEN a.body_html ELSE '' END" : "''";
        return "SELECT " + COLUMNS + ",\n" + body + " AS body_html FROM articles a JOIN sections s ON s.id = a.section_id"
                + "\nWHERE a.id = ANY(:ids) AND a.status = 'published'";
    }

    /** The rows walked, as the listings walk them (see {@link ArticleQueries.Filter}'s indexes). */
    private static String from(ArticleQueries.Filter filter) {
        return switch (filter) {
            case ArticleQueries.Filter.All a -> "articles a WHERE a.status = 'published'";
            case ArticleQueries.Filter.InSection x -> "articles a WHERE a.status = 'published' AND a.section_id = :filterId";
            case ArticleQueries.Filter.WithTopic x -> "article_topics x JOIN articles a ON a.id = x.article_id"
                    + " WHERE x.topic_id = :filterId AND x.published_at IS NOT NULL AND a.status = 'published'";
            case ArticleQueries.Filter.ByContributor x -> "article_bylines x JOIN articles a ON a.id = x.article_id"
                    + " WHERE x.contributor_id = :filterId AND x.published_at IS NOT NULL AND a.status = 'published'";
        };
    }

    private static String order(ArticleQueries.Filter filter) {
        return switch (filter) {
            case ArticleQueries.Filter.All a -> "a.first_published_at DESC, a.id DESC";
            case ArticleQueries.Filter.InSection x -> "a.first_published_at DESC, a.id DESC";
            case ArticleQueries.Filter.WithTopic x -> "x.published_at DESC, x.article_id DESC";
            case ArticleQueries.Filter.ByContributor x -> "x.published_at DESC, x.article_id DESC";
        };
    }

    private static long id(ArticleQueries.Filter filter) {
        return switch (filter) {
            case ArticleQueries.Filter.All a -> 0;
            case ArticleQueries.Filter.InSection x -> x.sectionId();
            case ArticleQueries.Filter.WithTopic x -> x.topicId();
            case ArticleQueries.Filter.ByContributor x -> x.contributorId();
        };
    }

    private static Item item(ResultSet rs) throws SQLException {
        long imageId = rs.getLong("lead_image_id");
        Picture partial = rs.wasNull() ? null : new Picture(imageId, 0, 0, rs.getString("lead_image_alt"),
                rs.getString("lead_image_caption"), rs.getString("lead_image_credit"), List.of());
        List<Byline> bylines = new ArrayList<>();
        for (String[] b : rows(rs, "x_bylines")) bylines.add(new Byline(b[0], b[1], "desk".equals(b[2]), b[3]));
        List<Topic> topics = new ArrayList<>();
        for (String[] t : rows(rs, "x_topics")) topics.add(new Topic(Long.parseLong(t[0]), t[1], t[2], t[3]));
        var card = new ArticleCard(rs.getLong("id"), rs.getString("path"), rs.getString("headline"), rs.getString("standfirst"),
                ContentRows.section(rs, "s_"), Rows.instant(rs, "first_published_at"), Rows.instant(rs, "updated_at"), partial,
                List.copyOf(bylines), AccessLevel.fromWord(rs.getString("access")).orElse(AccessLevel.FREE));
        String body = rs.getString("body_html");
        var listed = new Listed(card.id(), rs.getLong("row_version"));
        return new Item(listed, card, body == null ? "" : body, List.copyOf(topics));
    }

    /** A two-dimensional text array column as its rows (none for an empty array). */
    private static String[][] rows(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) return new String[0][];
        Object value = array.getArray();
        return value instanceof String[][] rows ? rows : new String[0][];
    }

    /** The card with its full picture, with the article's own words over the picture library's, as the listings show it. */
    private static ArticleCard withPicture(ArticleCard c, Map<Long, Picture> pictures) {
        Picture overrides = c.picture();
        Picture p = overrides == null || !pictures.containsKey(overrides.id()) ? null
                : pictures.get(overrides.id()).withWords(overrides.caption(), overrides.credit(), overrides.alt());
        return new ArticleCard(c.id(), c.url(), c.headline(), c.standfirst(), c.section(), c.published(), c.updated(), p,
                c.bylines(), c.access(), c.comments());
    }
}
