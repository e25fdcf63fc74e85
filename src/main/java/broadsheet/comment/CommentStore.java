package broadsheet.comment;

import broadsheet.content.CommentPolicy;
import broadsheet.storage.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Reads of threads: a page of top-level comments in one order, read on from a cursor through the indexes of
 * {@code V170__comments.sql} (never an offset, never a count of the thread), each with its first replies; a thread's
 * further replies; the counts of many articles at once. A comment shows when it is approved, or deleted while an
 * approved reply hangs under it ("comment deleted"); the viewer's own pending comments show to them alone. Writes are
 * {@link CommentPosting}'s.
 */
public final class CommentStore {
    /** Top-level comments on one page. */
    public static final int TOP_PER_PAGE = 20;
    /** Replies shown under each top-level comment before "more replies". */
    public static final int REPLIES_SHOWN = 3;
    /** The most comments one page renders, replies included. */
    public static final int MOST_PER_PAGE = 50;
    static final String COLUMNS = """
            c.id, c.article_id, c.reader_id, c.parent_id, c.root_id, c.depth, c.author_name, c.by_staff, c.body, c.status,
            c.featured_at, c.recommendations, c.created_at, c.edited_at, c.body_html""";
    /** A top-level comment that shows: approved, or deleted with an approved reply in its thread. */
    static final String TOP_SHOWS = """
            c.article_id = :article AND c.parent_id IS NULL AND c.status IN ('approved', 'deleted')
            AND (c.status = 'approved' OR EXISTS (SELECT 1 FROM comments r WHERE r.root_id = c.id AND r.parent_id IS NOT NULL
                                                  AND r.status = 'approved'))""";
    /** A reply that shows to :viewer (0 for nobody): approved, theirs and pending, or deleted with an approved reply to it. */
    static final String REPLY_SHOWS = """
            (c.status = 'approved' OR (c.status = 'pending' AND c.reader_id = :viewer)
             OR (c.status = 'deleted' AND EXISTS (SELECT 1 FROM comments k WHERE k.parent_id = c.id AND k.status = 'approved')))""";
    /** The name a reply flattened to depth 2 answers (its parent at depth 2), as {@link Comment#shownName} shows names. */
    static final String REPLYING_TO = "CASE WHEN p.depth = 2 THEN (CASE WHEN p.reader_id IS NULL THEN '" + Comment.DELETED_READER
            + "' ELSE p.author_name END) END";
    static final RowMapper<Comment> ROW = (rs, ctx) -> row(rs);
    private final Jdbi jdbi;

    public CommentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * An article as its thread needs it.
     *
     * @param count approved comments (kept by a trigger)
     */
    public record Subject(long id, String path, String headline, CommentPolicy policy, Instant firstPublishedAt, Integer closeDays,
                          int count) {
        public CommentState state(int paperCloseDays, Instant now) {
            return CommentState.of(policy, firstPublishedAt, closeDays, paperCloseDays, now);
        }
    }

    static final RowMapper<Subject> SUBJECT = (rs, ctx) -> new Subject(rs.getLong("id"), rs.getString("path"), rs.getString("headline"),
            CommentPolicy.fromWord(rs.getString("comment_policy")).orElse(CommentPolicy.OFF), Rows.instant(rs, "first_published_at"),
            (Integer) rs.getObject("comments_close_days"), rs.getInt("comment_count"));
    static final String SUBJECT_COLUMNS = "id, path, headline, comment_policy, first_published_at, comments_close_days, comment_count";

    /** The published article with this id. */
    public Optional<Subject> subject(long articleId) {
        return jdbi.withHandle(h -> subject(h, articleId));
    }

    static Optional<Subject> subject(Handle h, long articleId) {
        return h.createQuery("SELECT " + SUBJECT_COLUMNS + " FROM articles WHERE id = :id AND status = 'published'")
                .bind("id", articleId).map(SUBJECT).findOne();
    }

    /** The published articles among these ids, by id (one query on the primary key). */
    public Map<Long, Subject> subjects(Collection<Long> ids) {
        return jdbi.withHandle(h -> {
            Map<Long, Subject> out = new LinkedHashMap<>();
            h.createQuery("SELECT " + SUBJECT_COLUMNS + " FROM articles WHERE id = ANY(:ids) AND status = 'published' ORDER BY id")
                    .bind("ids", Rows.ids(ids)).map(SUBJECT).forEach(s -> out.put(s.id(), s));
            return out;
        });
    }

    /** One comment, whatever its status. */
    public Optional<Comment> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    static Optional<Comment> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + ", NULL AS replying_to FROM comments c WHERE c.id = :id").bind("id", id).map(ROW).findOne();
    }

    /**
     * A page of a thread.
     *
     * @param entries the top-level comments with their first replies
     * @param next    where the next page starts, or null at the end
     */
    public record Page(List<CommentThreads.Entry> entries, ThreadSort.Cursor next) {}

    /**
     * One page of an article's thread in this order, after {@code after} (null: from the start), as {@code viewer} sees
     * it (0: a visitor). The first page also shows the viewer their own top-level comments that await moderation.
     * At most three queries (four for editor's picks first), whatever the thread's length.
     */
    public Page page(long articleId, ThreadSort sort, ThreadSort.Cursor after, long viewer) {
        return jdbi.withHandle(h -> {
            List<Comment> tops = new ArrayList<>();
            boolean own = after == null && viewer != 0;
            // but for editor's picks, the viewer's own waiting comments, the page and their first replies are one statement
            List<Comment> withReplies = sort != ThreadSort.PICKS ? topsWithReplies(h, articleId, sort, after, TOP_PER_PAGE + 1, viewer, own)
                    : null;
            if (withReplies != null) {
                // the viewer's own come first; only they are pending at the top level (the page's show approved or deleted)
                withReplies.stream().filter(c -> c.top() && c.pending()).forEach(tops::add);
            } else if (own) {
                tops.addAll(ownPending(h, articleId, viewer));
            }
            int room = TOP_PER_PAGE - tops.size();
            List<Comment> read = withReplies == null ? tops(h, articleId, sort, after, room + 1)
                    : withReplies.stream().filter(c -> c.top() && !c.pending()).limit(room + 1L).toList();
            boolean more = read.size() > room;
            if (more) read = read.subList(0, room);
            tops.addAll(read);
            int replyRoom = MOST_PER_PAGE - tops.size();
            Set<Long> moreReplies = new HashSet<>();
            List<Comment> replies;
            if (withReplies == null) {
                replies = firstReplies(h, tops.stream().map(Comment::id).toList(), viewer, replyRoom, moreReplies);
            } else {
                Set<Long> kept = new HashSet<>(tops.stream().map(Comment::id).toList());
                replies = firstShown(withReplies.stream().filter(c -> !c.top() && kept.contains(c.rootId())).toList(), replyRoom, moreReplies);
            }
            ThreadSort.Cursor next = more && !read.isEmpty() ? ThreadSort.Cursor.after(sort, read.get(read.size() - 1)) : null;
            return new Page(CommentThreads.build(tops, replies, moreReplies), next);
        });
    }

    /**
     * The first page of a thread with no approved comment, which is all {@link #page} would show: the viewer's own
     * comments that wait for a moderator; for a visitor, nothing, without asking the database.
     */
    public Page withoutApproved(long articleId, long viewer) {
        if (viewer == 0) return new Page(List.of(), null);
        return jdbi.withHandle(h -> new Page(CommentThreads.build(ownPending(h, articleId, viewer), List.of(), Set.of()), null));
    }

    /** The viewer's top-level comments on this article that wait for a moderator, newest first. */
    private static List<Comment> ownPending(Handle h, long articleId, long viewer) {
        return h.createQuery(OWN_PENDING).bind("viewer", viewer).bind("article", articleId).map(ROW).list();
    }

    private static final String OWN_PENDING = "SELECT " + COLUMNS + ", NULL AS replying_to FROM comments c "
            + "WHERE c.reader_id = :viewer AND c.article_id = :article AND c.status = 'pending' AND c.parent_id IS NULL "
            + "ORDER BY c.created_at DESC, c.id DESC LIMIT 5";

    /** Top-level comments that show, in this order after this cursor: an index range scan, read from where the last page ended. */
    static List<Comment> tops(Handle h, long articleId, ThreadSort sort, ThreadSort.Cursor after, int limit) {
        if (limit <= 0) return List.of();
        if (sort != ThreadSort.PICKS) return h.createQuery(topQuery(sort, after != null, false)).bind("article", articleId)
                .bind("key", after == null ? null : sort == ThreadSort.RECOMMENDED ? (Object) after.key() : after.time())
                .bind("id", after == null ? null : after.id()).bind("limit", limit).map(ROW).list();
        List<Comment> out = new ArrayList<>();
        if (after == null || after.picks()) {
            out.addAll(h.createQuery(topQuery(sort, after != null, true)).bind("article", articleId)
                    .bind("key", after == null ? null : after.time()).bind("id", after == null ? null : after.id())
                    .bind("limit", limit).map(ROW).list());
            if (out.size() >= limit) return out;
            after = null;
        }
        out.addAll(h.createQuery(topQuery(ThreadSort.NEWEST, after != null, false) .replace("ORDER BY", "AND c.featured_at IS NULL ORDER BY"))
                .bind("article", articleId).bind("key", after == null ? null : after.time()).bind("id", after == null ? null : after.id())
                .bind("limit", limit - out.size()).map(ROW).list());
        return out;
    }

    /** The query of a page of top-level comments; {@code picks}: the editor's picks alone. Public for the tests' EXPLAIN. */
    public static String topQuery(ThreadSort sort, boolean after, boolean picks) {
        String key = picks ? "c.featured_at" : sort == ThreadSort.RECOMMENDED ? "c.recommendations" : "c.created_at";
        String direction = sort == ThreadSort.OLDEST ? "" : " DESC";
        String position = !after ? "" : "AND (" + key + ", c.id) " + (sort == ThreadSort.OLDEST ? ">" : "<") + " (:key, :id)";
        String filter = picks ? "AND c.featured_at IS NOT NULL AND c.status = 'approved'" : "";
        return "SELECT " + COLUMNS + ", NULL AS replying_to FROM comments c WHERE " + TOP_SHOWS + " " + filter + " " + position
                + " ORDER BY " + key + direction + ", c.id" + direction + " LIMIT :limit";
    }

    /**
     * With {@code own}, {@link #ownPending}; then {@link #tops} (not for {@link ThreadSort#PICKS}); and the first
     * {@link #REPLIES_SHOWN} + 1 replies of each of them, in one statement: each top-level comment followed by its
     * replies, oldest first.
     */
    static List<Comment> topsWithReplies(Handle h, long articleId, ThreadSort sort, ThreadSort.Cursor after, int limit, long viewer,
                                         boolean own) {
        // The limits are the code's own numbers, written into the statement: with no parameter that changes the plan's
        // shape, PostgreSQL keeps one generic plan per connection instead of planning this statement (~1 ms) every time.
        String tops = topQuery(sort, after != null, false).replace(":limit", Integer.toString(limit));
        return h.createQuery("""
                        WITH <ownPart>p AS MATERIALIZED (SELECT q.*, row_number() OVER () AS pos FROM (<tops>) q),
                        t AS (<ownRows>SELECT * FROM p)
                        SELECT t.*, 0 AS part FROM t
                        UNION ALL
                        SELECT x.*, t.pos, 1 FROM t CROSS JOIN LATERAL (
                          SELECT <columns>, <replyingTo> AS replying_to
                          FROM comments c LEFT JOIN comments p ON p.id = c.parent_id
                          WHERE c.root_id = t.id AND c.parent_id IS NOT NULL AND <shows>
                          ORDER BY c.created_at, c.id LIMIT <n>) x
                        ORDER BY pos, part, created_at, id""")
                .define("ownPart", own ? "o AS MATERIALIZED (SELECT q.*, row_number() OVER () - 100 AS pos FROM (" + OWN_PENDING + ") q),\n" : "")
                .define("ownRows", own ? "SELECT * FROM o UNION ALL " : "")
                .define("tops", tops)
                .define("columns", COLUMNS).define("shows", REPLY_SHOWS).define("replyingTo", REPLYING_TO)
                .define("n", REPLIES_SHOWN + 1)
                .bind("article", articleId)
                .bind("key", after == null ? null : sort == ThreadSort.RECOMMENDED ? (Object) after.key() : after.time())
                .bind("id", after == null ? null : after.id())
                .bind("viewer", viewer).map(ROW).list();
    }

    /**
     * The first {@link #REPLIES_SHOWN} replies of each root, oldest first, at most {@code room} in all (in the roots'
     * order); {@code more} receives the roots with replies beyond those returned. One query: an index range scan per root.
     */
    static List<Comment> firstReplies(Handle h, List<Long> roots, long viewer, int room, Set<Long> more) {
        if (roots.isEmpty()) return List.of();
        List<Comment> read = h.createQuery("""
                        SELECT x.* FROM unnest(:roots) WITH ORDINALITY AS root(id, n)
                        CROSS JOIN LATERAL (
                          SELECT <columns>, <replyingTo> AS replying_to, root.n
                          FROM comments c LEFT JOIN comments p ON p.id = c.parent_id
                          WHERE c.root_id = root.id AND c.parent_id IS NOT NULL AND <shows>
                          ORDER BY c.created_at, c.id LIMIT :n) x
                        ORDER BY x.n, x.created_at, x.id""")
                .define("columns", COLUMNS).define("shows", REPLY_SHOWS).define("replyingTo", REPLYING_TO)
                .bind("roots", Rows.ids(roots)).bind("viewer", viewer).bind("n", REPLIES_SHOWN + 1).map(ROW).list();
        return firstShown(read, room, more);
    }

    /**
     * {@code read}: up to {@link #REPLIES_SHOWN} + 1 replies of each root, in the roots' order and oldest first under each;
     * the first {@link #REPLIES_SHOWN} of each, at most {@code room} in all, and {@code more} receives the roots with more.
     */
    private static List<Comment> firstShown(List<Comment> read, int room, Set<Long> more) {
        Map<Long, Integer> shown = new LinkedHashMap<>();
        List<Comment> out = new ArrayList<>();
        for (Comment r : read) {
            int n = shown.getOrDefault(r.rootId(), 0);
            if (n >= REPLIES_SHOWN || out.size() >= room) {
                more.add(r.rootId());
                continue;
            }
            shown.put(r.rootId(), n + 1);
            out.add(r);
        }
        return out;
    }

    /**
     * One top-level comment with its replies, oldest first, after the reply {@code after} (null: from the first), at most
     * {@link #MOST_PER_PAGE} - 1 of them; {@code next} is the last reply shown when more follow.
     */
    public Optional<Page> replies(long articleId, long rootId, ThreadSort.Cursor after, long viewer) {
        return jdbi.withHandle(h -> {
            Optional<Comment> root = find(h, rootId).filter(c -> c.top() && c.articleId() == articleId
                    && (c.approved() || c.deleted() || (c.pending() && c.by(viewer))));
            if (root.isEmpty()) return Optional.<Page>empty();
            int room = MOST_PER_PAGE - 1;
            List<Comment> read = h.createQuery("""
                            SELECT <columns>, <replyingTo> AS replying_to
                            FROM comments c LEFT JOIN comments p ON p.id = c.parent_id
                            WHERE c.root_id = :root AND c.parent_id IS NOT NULL AND <shows> <position>
                            ORDER BY c.created_at, c.id LIMIT :limit""")
                    .define("columns", COLUMNS).define("shows", REPLY_SHOWS).define("replyingTo", REPLYING_TO)
                    .define("position", after == null ? "" : "AND (c.created_at, c.id) > (:key, :id)")
                    .bind("root", rootId).bind("viewer", viewer).bind("key", after == null ? null : after.time())
                    .bind("id", after == null ? null : after.id()).bind("limit", room + 1).map(ROW).list();
            boolean more = read.size() > room;
            if (more) read = read.subList(0, room);
            ThreadSort.Cursor next = more ? ThreadSort.Cursor.after(ThreadSort.OLDEST, read.get(read.size() - 1)) : null;
            return Optional.of(new Page(CommentThreads.build(List.of(root.get()), read, Set.of()), next));
        });
    }

    /**
     * The addresses whose cached pages show this article's thread: the article's page, the thread's own pages and its
     * API answer (their query strings aside).
     */
    public List<String> cachedPaths(long articleId) {
        List<String> paths = new ArrayList<>(List.of("/comments/" + articleId, "/api/v1/articles/" + articleId + "/comments"));
        jdbi.useHandle(h -> h.createQuery("SELECT path FROM articles WHERE id = :id").bind("id", articleId).mapTo(String.class)
                .findOne().ifPresent(paths::add));
        return paths;
    }

    /** How many comments {@link #makeMissingHtml} reads and writes at a time. */
    private static final int HTML_BATCH = 500;

    /**
     * Makes the HTML of every comment that has none yet (written before comments kept it, or by a writer that set only
     * the text; see {@link Comment#bodyHtml}), a batch at a time; returns how many. A comment whose text changed
     * meanwhile is left to the writer that changed it.
     */
    public int makeMissingHtml() {
        record Missing(long id, String body) {}
        int made = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Missing> batch = jdbi.withHandle(h -> h.createQuery(
                            "SELECT id, body FROM comments WHERE body_html IS NULL AND id > :after ORDER BY id LIMIT " + HTML_BATCH)
                    .bind("after", from).map((rs, ctx) -> new Missing(rs.getLong(1), rs.getString(2))).list());
            if (batch.isEmpty()) return made;
            made += jdbi.inTransaction(h -> {
                var update = h.prepareBatch("UPDATE comments SET body_html = :html WHERE id = :id AND body = :body AND body_html IS NULL");
                for (Missing m : batch) update.bind("html", CommentText.html(m.body())).bind("id", m.id()).bind("body", m.body()).add();
                int n = 0;
                for (int count : update.execute()) n += count;
                return n;
            });
            after = batch.get(batch.size() - 1).id();
        }
    }

    /** The comments this reader recommended among these. */
    public Set<Long> recommendedBy(long readerId, Collection<Long> commentIds) {
        if (commentIds.isEmpty()) return Set.of();
        return jdbi.withHandle(h -> new HashSet<>(h.createQuery(
                        "SELECT comment_id FROM comment_recommendations WHERE reader_id = :reader AND comment_id = ANY(:ids)")
                .bind("reader", readerId).bind("ids", Rows.ids(commentIds)).mapTo(Long.class).list()));
    }

    private static Comment row(ResultSet rs) throws SQLException {
        long reader = rs.getLong("reader_id");
        Long readerId = rs.wasNull() ? null : reader;
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new Comment(rs.getLong("id"), rs.getLong("article_id"), readerId, parentId, rs.getLong("root_id"), rs.getInt("depth"),
                rs.getString("author_name"), rs.getBoolean("by_staff"), rs.getString("body"), rs.getString("status"),
                Rows.instant(rs, "featured_at"), rs.getInt("recommendations"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "edited_at"), rs.getString("replying_to"), rs.getString("body_html"));
    }
}
