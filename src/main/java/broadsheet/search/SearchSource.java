package broadsheet.search;

import broadsheet.content.AccessLevel;
import broadsheet.storage.Rows;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** What the index is built from: published articles as search keeps them, and the search outbox. */
final class SearchSource {
    private static final String ARTICLES = """
            SELECT a.id, a.path, a.headline, a.standfirst, a.body_html, a.access, a.first_published_at,
                   s.slug AS s_slug, s.name AS s_name,
                   ARRAY(SELECT c.name FROM article_bylines b JOIN contributors c ON c.id = b.contributor_id
                         WHERE b.article_id = a.id ORDER BY b.position) AS byline_names,
                   ARRAY(SELECT c.slug FROM article_bylines b JOIN contributors c ON c.id = b.contributor_id
                         WHERE b.article_id = a.id ORDER BY b.position) AS byline_slugs,
                   ARRAY(SELECT t.name FROM article_topics x JOIN topics t ON t.id = x.topic_id
                         WHERE x.article_id = a.id ORDER BY x.position) AS topic_names,
                   ARRAY(SELECT t.slug FROM article_topics x JOIN topics t ON t.id = x.topic_id
                         WHERE x.article_id = a.id ORDER BY x.position) AS topic_slugs
            FROM articles a JOIN sections s ON s.id = a.section_id
            WHERE a.status = 'published' AND a.path IS NOT NULL""";
    /** The article id of an outbox row that asks every instance to build its whole index again. */
    static final long EVERYTHING = 0;
    private final Jdbi jdbi;

    SearchSource(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One row of the outbox: an article whose place in the index may have changed. */
    record Change(long id, long articleId) {}

    /** Where the outbox stood when a rebuild read the articles: the highest id seen, and lower ids not yet committed. */
    record Mark(long last, List<Long> gaps) {}

    /** The published articles among {@code ids}; an id not among them is no longer published (or no longer exists). */
    List<IndexedArticle> published(Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbi.inTransaction(h -> {
            giveWayToLocks(h);
            return h.createQuery(ARTICLES + " AND a.id = ANY(:ids)").bindArray("ids", Long.class, ids)
                    .map((rs, ctx) -> article(rs)).list();
        });
    }

    /**
     * Hands every published article to {@code each}, read in one snapshot, and says where the outbox stood in that
     * snapshot, so changes after it are applied from the outbox and none is lost.
     */
    Mark all(Consumer<IndexedArticle> each) {
        return allRows(row -> each.accept(row.article()));
    }

    /**
     * As {@link #all}, but hands over each article as read, before its body is taken apart into blocks: a rebuild
     * that takes them apart on other threads ({@link Row#article}) reads on while they do.
     */
    Mark allRows(Consumer<Row> each) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            giveWayToLocks(h);
            Mark mark = mark(h);
            h.createQuery(ARTICLES + " ORDER BY a.id").setFetchSize(500)
                    .map((rs, ctx) -> row(rs)).useStream(s -> s.forEach(each));
            return mark;
        });
    }

    /** A published article as read, its body still HTML. */
    record Row(long id, String path, String headline, String standfirst, String bodyHtml, String sectionSlug,
               String sectionName, List<IndexedArticle.Link> bylines, List<IndexedArticle.Link> topics, Instant published,
               AccessLevel access) {
        IndexedArticle article() {
            return new IndexedArticle(id, path, headline, standfirst, IndexedArticle.blocks(bodyHtml), sectionSlug, sectionName,
                    bylines, topics, published, access);
        }
    }

    /**
     * These reads lock several tables one after another: rather than wait for a table someone is changing wholesale
     * (and perhaps deadlock with them), they give up at once and are tried again at the sync's next turn.
     */
    private static void giveWayToLocks(Handle h) {
        h.execute("SET LOCAL lock_timeout = '200ms'");
    }

    private static Mark mark(Handle h) {
        long last = h.createQuery("SELECT coalesce(max(id), 0) FROM search_outbox").mapTo(Long.class).one();
        // ids below the highest that this snapshot does not see: written by transactions still open, applied later
        List<Long> gaps = h.createQuery("""
                        SELECT g FROM generate_series(greatest(:last - 1000, 1), :last) g
                        WHERE NOT EXISTS (SELECT 1 FROM search_outbox o WHERE o.id = g)""")
                .bind("last", last).mapTo(Long.class).list();
        return new Mark(last, gaps);
    }

    /** Outbox rows after {@code last}, and those of {@code gaps} that have since been committed, in order. */
    List<Change> changesAfter(long last, Collection<Long> gaps, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, article_id FROM search_outbox WHERE id > :last OR id = ANY(:gaps) ORDER BY id LIMIT :limit""")
                .bind("last", last).bindArray("gaps", Long.class, gaps).bind("limit", limit)
                .map((rs, ctx) -> new Change(rs.getLong("id"), rs.getLong("article_id"))).list());
    }

    /** The highest outbox id ever handed out (0 when none, or since the outbox was emptied with its numbering). */
    long issued() {
        return jdbi.withHandle(h -> h.createQuery("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM search_outbox_id_seq")
                .mapTo(Long.class).one());
    }

    /** Outbox rows after {@code id}: what an index that applied up to {@code id} has still to apply. */
    long after(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM search_outbox WHERE id > :id").bind("id", id)
                .mapTo(Long.class).one());
    }

    /** The database's clock, which all instances share. */
    Instant now() {
        return jdbi.withHandle(h -> h.createQuery("SELECT now()").mapTo(Instant.class).one());
    }

    /** Asks every instance, through the outbox, to build its index again from the database. */
    void askEveryoneToRebuild() {
        jdbi.useHandle(h -> h.execute("INSERT INTO search_outbox (article_id) VALUES (?)", EVERYTHING));
    }

    /** Removes outbox rows older than {@code before}; returns how many. */
    int prune(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM search_outbox WHERE created_at < :before")
                .bind("before", before).execute());
    }

    private static IndexedArticle article(ResultSet rs) throws SQLException {
        return row(rs).article();
    }

    private static Row row(ResultSet rs) throws SQLException {
        AccessLevel access = AccessLevel.fromWord(rs.getString("access")).orElse(AccessLevel.PREMIUM);
        return new Row(rs.getLong("id"), rs.getString("path"), rs.getString("headline"), rs.getString("standfirst"),
                rs.getString("body_html"), rs.getString("s_slug"), rs.getString("s_name"),
                links(rs.getArray("byline_names"), rs.getArray("byline_slugs")),
                links(rs.getArray("topic_names"), rs.getArray("topic_slugs")), Rows.instant(rs, "first_published_at"), access);
    }

    private static List<IndexedArticle.Link> links(Array names, Array slugs) throws SQLException {
        String[] n = (String[]) names.getArray();
        String[] s = (String[]) slugs.getArray();
        List<IndexedArticle.Link> links = new ArrayList<>();
        for (int i = 0; i < n.length; i++) links.add(new IndexedArticle.Link(n[i], s[i]));
        return links;
    }
}
