package broadsheet.article;

import broadsheet.media.ImageStore;
import broadsheet.media.Picture;
import broadsheet.content.ContentRows;
import broadsheet.content.Section;
import broadsheet.content.AccessLevel;
import broadsheet.shared.Json;
import broadsheet.storage.Rows;
import broadsheet.content.Topic;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads of published articles: one article by its address, and the listings of the home, section, topic
 * and contributor pages. Only published articles are ever returned. Writes are {@link ArticleStore}'s.
 */
public final class ArticleQueries {
    private static final String CARD_COLUMNS = """
            a.id, a.path, a.headline, a.standfirst, a.first_published_at, a.updated_at, a.lead_image_id,
            a.lead_image_alt, a.lead_image_caption, a.lead_image_credit, a.access,
            CASE WHEN a.comment_policy = 'off' THEN -1 ELSE a.comment_count END AS comments,
            s.id AS s_id, s.slug AS s_slug, s.name AS s_name, s.description AS s_description, s.position AS s_position""";
    /**
     * A listing card's bylines as a JSON array (name, slug, kind, job title), in their order: read with the listing's rows
     * ({@link #keyset}), so a page of a listing is one statement, not a second for its bylines. Each contributor is read
     * by its key (a join here let the planner walk the contributors' index from its start for every row).
     */
    private static final String BYLINES_COLUMN = """
            (SELECT json_agg((SELECT json_build_array(bc.name, bc.slug, bc.kind, bc.job_title) FROM contributors bc
                              WHERE bc.id = bl.contributor_id) ORDER BY bl.position)
               FROM article_bylines bl WHERE bl.article_id = a.id) AS x_bylines""";
    private final Jdbi jdbi;

    public ArticleQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What one listing shows: everything, one section, one topic or one contributor. */
    public sealed interface Filter {
        record All() implements Filter {}
        record InSection(long sectionId) implements Filter {}
        record WithTopic(long topicId) implements Filter {}
        record ByContributor(long contributorId) implements Filter {}

        /**
         * The rows the listing walks, in order: the articles themselves (the latest and a section's, on
         * {@code articles_latest_idx} and {@code articles_section_idx}), or a topic's or a writer's link rows, which
         * carry their article's publication time ({@code article_topics_listing_idx}, {@code article_bylines_listing_idx}).
         */
        private String from() {
            return switch (this) {
                case All a -> "articles a JOIN sections s ON s.id = a.section_id WHERE a.status = 'published'";
                case InSection s -> "articles a JOIN sections s ON s.id = a.section_id WHERE a.status = 'published' AND a.section_id = :filterId";
                case WithTopic t -> "article_topics x JOIN articles a ON a.id = x.article_id JOIN sections s ON s.id = a.section_id"
                        + " WHERE x.topic_id = :filterId AND x.published_at IS NOT NULL AND a.status = 'published'";
                case ByContributor c -> "article_bylines x JOIN articles a ON a.id = x.article_id JOIN sections s ON s.id = a.section_id"
                        + " WHERE x.contributor_id = :filterId AND x.published_at IS NOT NULL AND a.status = 'published'";
            };
        }

        /** The publication time and id as the walked rows hold them, so the order and the position use the index. */
        private String key() {
            return switch (this) {
                case All a -> "a.first_published_at, a.id";
                case InSection s -> "a.first_published_at, a.id";
                case WithTopic t -> "x.published_at, x.article_id";
                case ByContributor c -> "x.published_at, x.article_id";
            };
        }

        private long id() {
            return switch (this) {
                case All a -> 0;
                case InSection s -> s.sectionId();
                case WithTopic t -> t.topicId();
                case ByContributor c -> c.contributorId();
            };
        }
    }

    /**
     * A place in a newest-first listing: the publication time (to the microsecond, as PostgreSQL keeps it) and id
     * of an article; the listing goes on strictly before or after it, so pages stay put while new articles
     * publish and two articles published at the same time keep their order. Written in an address as
     * {@code <microseconds since 1970>_<id>}, the only spelling {@link #parse} accepts.
     */
    public record Position(Instant time, long id) {
        private static final java.util.regex.Pattern TEXT = java.util.regex.Pattern.compile("(0|-?[1-9][0-9]{0,16})_([1-9][0-9]{0,17})");

        public static Position of(ArticleCard card) {
            return new Position(card.published(), card.id());
        }

        /** The position written as {@link #text} wrote it, or empty for anything else (a reader typed it, or a bot). */
        public static Optional<Position> parse(String text) {
            if (text == null) return Optional.empty();
            var m = TEXT.matcher(text);
            if (!m.matches()) return Optional.empty();
            long micros = Long.parseLong(m.group(1));
            return Optional.of(new Position(Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS), Long.parseLong(m.group(2))));
        }

        public String text() {
            long micros = java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, time);
            return micros + "_" + id;
        }
    }

    /** Which way a page reads from a position: older articles (newest first), or newer ones (read oldest first). */
    public enum Direction {
        OLDER("<", "DESC"), NEWER(">", "ASC");
        private final String compare;
        private final String order;

        Direction(String compare, String order) {
            this.compare = compare;
            this.order = order;
        }
    }

    /**
     * One page of a public listing, newest first, read from a position with one article more than the page holds
     * to know whether another page follows that way: a walk of one index that stops after the page, with no count
     * and no offset, so every page costs the same however large the archive is. With no position it is the first
     * (newest) page; reading {@link Direction#NEWER} the page comes back newest first all the same.
     */
    public Window list(Filter filter, Position from, Direction direction, int size) {
        Direction way = from == null ? Direction.OLDER : direction;
        HandleCallback<Window, RuntimeException> read = h -> {
            List<ArticleCard> cards = new ArrayList<>(h.createQuery(listSql(filter, from != null, way, size + 1))
                    .bind("filterId", filter.id())
                    .bind("afterTime", from == null ? null : from.time()).bind("afterId", from == null ? null : from.id())
                    .map((rs, ctx) -> listedRow(rs)).list());
            boolean more = cards.size() > size;
            if (more) cards.remove(cards.size() - 1);
            if (way == Direction.NEWER) java.util.Collections.reverse(cards);
            return new Window(pictures(h, cards), more);
        };
        if (filter instanceof Filter.All) return jdbi.withHandle(read);
        // A topic, section or writer page's statement differs only in the id: PostgreSQL would plan it afresh on every
        // view of a busy topic (its estimate for a topic with thousands of articles beats the generic plan's), and the
        // plan is the same index walk either way (ListingQueryPlanIT checks the generic plans). Planning was three
        // quarters of the database's time for a topic page. The setting lasts for this transaction only.
        return jdbi.inTransaction(h -> {
            h.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            return read.withHandle(h);
        });
    }

    /** A page of a listing, newest first, and whether more articles lie beyond it in the direction it was read. */
    public record Window(List<ArticleCard> items, boolean more) {}

    /**
     * The position of the {@code n}th newest published article, or empty when there are no more than {@code n}
     * articles: a walk of the first {@code n + 1} entries of {@code articles_latest_idx}, never a count.
     */
    public Optional<Position> positionAfter(int n) {
        List<Position> two = jdbi.withHandle(h -> h.createQuery(positionAfterSql(n))
                .map((rs, ctx) -> new Position(Rows.instant(rs, "first_published_at"), rs.getLong("id"))).list());
        return two.size() == 2 ? Optional.of(two.get(0)) : Optional.empty();
    }

    /** The SQL {@link #positionAfter} runs: public so tests can EXPLAIN it. */
    public static String positionAfterSql(int n) {
        return """
                SELECT first_published_at, id FROM articles WHERE status = 'published'
                ORDER BY first_published_at DESC, id DESC LIMIT 2 OFFSET %d""".formatted(n - 1);
    }

    /**
     * Published articles older than the given position (newest first), for cursor pagination:
     * {@code afterTime} and {@code afterId} are those of the last article already seen, or null to start.
     */
    public List<ArticleCard> listAfter(Filter filter, Instant afterTime, Long afterId, int limit) {
        return jdbi.withHandle(h -> {
            List<ArticleCard> cards = h.createQuery(listAfterSql(filter, afterTime != null))
                    .bind("filterId", filter.id()).bind("afterTime", afterTime).bind("afterId", afterId)
                    .bind("limit", limit)
                    .map((rs, ctx) -> listedRow(rs)).list();
            return pictures(h, cards);
        });
    }

    /** What a feed carries beyond a card: the body as HTML and the topics, in order. */
    public record FeedExtras(String bodyHtml, List<Topic> topics) {}

    /** The bodies and topics of these published articles, by id: two index reads, however many articles. */
    public Map<Long, FeedExtras> feedExtras(List<Long> articleIds) {
        if (articleIds.isEmpty()) return Map.of();
        return jdbi.withHandle(h -> {
            Map<Long, List<Topic>> topics = new HashMap<>();
            h.createQuery("""
                            SELECT at.article_id, t.* FROM article_topics at JOIN topics t ON t.id = at.topic_id
                            WHERE at.article_id = ANY(:ids) ORDER BY at.article_id, at.position""")
                    .bind("ids", Rows.ids(articleIds))
                    .map((rs, ctx) -> Map.entry(rs.getLong("article_id"), ContentRows.TOPIC.map(rs, ctx)))
                    .forEach(e -> topics.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            Map<Long, FeedExtras> out = new HashMap<>();
            h.createQuery("SELECT id, body_html FROM articles WHERE id = ANY(:ids) AND status = 'published'")
                    .bind("ids", Rows.ids(articleIds))
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> out.put(e.getKey(), new FeedExtras(e.getValue() == null ? "" : e.getValue(),
                            topics.getOrDefault(e.getKey(), List.of()))));
            return out;
        });
    }

    /**
     * The SQL {@link #listAfter} runs (binding {@code filterId}, {@code limit}, and {@code afterTime} and {@code afterId}
     * when {@code positioned}): public so tests can EXPLAIN it.
     */
    public static String listAfterSql(Filter filter, boolean positioned) {
        return keyset(filter, positioned, Direction.OLDER, ":limit");
    }

    /**
     * The SQL {@link #list} runs for a page of {@code limit} rows (binding {@code filterId}, and {@code afterTime} and
     * {@code afterId} when {@code positioned}): public so tests can EXPLAIN it. The limit is written into the text, so
     * the planner always knows how few rows it needs, even for a statement prepared once and run many times.
     */
    public static String listSql(Filter filter, boolean positioned, Direction direction, int limit) {
        return keyset(filter, positioned, direction, String.valueOf(limit));
    }

    private static String keyset(Filter filter, boolean positioned, Direction way, String limit) {
        String key = filter.key();
        String[] parts = key.split(", ");
        String position = positioned ? "AND (" + key + ") " + way.compare + " (:afterTime, :afterId)" : "";
        return """
                SELECT %s, %s FROM %s %s
                ORDER BY %s %s, %s %s LIMIT %s""".formatted(CARD_COLUMNS, BYLINES_COLUMN, filter.from(), position,
                parts[0], way.order, parts[1], way.order, limit);
    }

    /**
     * The SQL {@link #latestBySection} runs: for each section, a walk of {@code articles_section_idx} that stops after
     * {@code perSection} rows (the limit is written into the text, so the planner knows it even for a prepared statement);
     * only those few rows are then put in the sections' order. Public so tests can EXPLAIN it.
     */
    public static String latestBySectionSql(int perSection) {
        return """
                SELECT %s FROM sections s
                CROSS JOIN LATERAL (
                  SELECT * FROM articles x
                  WHERE x.section_id = s.id AND x.status = 'published'
                  ORDER BY x.first_published_at DESC, x.id DESC LIMIT %d) a
                ORDER BY s.position, s.name, a.first_published_at DESC, a.id DESC""".formatted(CARD_COLUMNS, perSection);
    }

    /** The newest {@code perSection} articles of every section, keyed by section id. */
    public Map<Long, List<ArticleCard>> latestBySection(int perSection) {
        return jdbi.withHandle(h -> {
            // one index range scan per section (articles_section_idx), however large the archive
            List<ArticleCard> cards = h.createQuery(latestBySectionSql(perSection))
                    .map((rs, ctx) -> cardRow(rs)).list();
            Map<Long, List<ArticleCard>> out = new LinkedHashMap<>();
            for (ArticleCard c : hydrate(h, cards)) out.computeIfAbsent(c.section().id(), k -> new ArrayList<>()).add(c);
            return out;
        });
    }

    /**
     * What the home page shows: its top stories ({@code slots} of them: the editors' picks in their order, then the
     * newest of the rest), and the newest {@code perSection} other stories of every section, keyed by section id; each
     * story is shown once. Two statements read the rows (each section's walk reads {@code perSection + slots}, enough
     * whichever top stories are its own), and one {@link #hydrate} completes only the cards shown.
     */
    public Front front(int slots, int perSection) {
        return jdbi.withHandle(h -> {
            List<ArticleCard> top = new ArrayList<>();
            java.util.Set<Long> shown = new java.util.HashSet<>();
            for (ArticleCard c : h.createQuery(topStoriesSql(slots)).map((rs, ctx) -> cardRow(rs)).list()) {
                if (top.size() < slots && shown.add(c.id())) top.add(c);
            }
            List<ArticleCard> cards = new ArrayList<>(top);
            Map<Long, Integer> perSectionShown = new HashMap<>();
            for (ArticleCard c : h.createQuery(latestBySectionSql(perSection + slots)).map((rs, ctx) -> cardRow(rs)).list()) {
                if (shown.contains(c.id()) || perSectionShown.merge(c.section().id(), 1, Integer::sum) > perSection) continue;
                cards.add(c);
            }
            List<ArticleCard> hydrated = hydrate(h, cards);
            Map<Long, List<ArticleCard>> bySection = new LinkedHashMap<>();
            for (ArticleCard c : hydrated.subList(top.size(), hydrated.size())) {
                bySection.computeIfAbsent(c.section().id(), k -> new ArrayList<>()).add(c);
            }
            return new Front(List.copyOf(hydrated.subList(0, top.size())), bySection);
        });
    }

    /** The home page's stories: {@code top} in the order they lead it, and each section's newest by section id. */
    public record Front(List<ArticleCard> top, Map<Long, List<ArticleCard>> bySection) {}

    /**
     * The SQL of the top stories {@link #front} reads: the editors' published picks by position (the first {@code slots}
     * of {@code front_page_picks}' position index, each article then read by its key: the limit tells the planner how
     * few there are, so it never scans the articles for them), then the newest {@code slots} published stories (a walk
     * of {@code articles_latest_idx} that stops there), enough to fill the slots whichever of them are picks too. Public
     * so tests can EXPLAIN it.
     */
    public static String topStoriesSql(int slots) {
        return """
                SELECT * FROM (
                  SELECT %1$s, p.position AS pick FROM (SELECT article_id, position FROM front_page_picks ORDER BY position LIMIT %2$d) p
                  JOIN articles a ON a.id = p.article_id JOIN sections s ON s.id = a.section_id WHERE a.status = 'published'
                  UNION ALL
                  (SELECT %1$s, NULL FROM articles a JOIN sections s ON s.id = a.section_id WHERE a.status = 'published'
                   ORDER BY a.first_published_at DESC, a.id DESC LIMIT %2$d)) x
                ORDER BY x.pick NULLS LAST, x.first_published_at DESC, x.id DESC""".formatted(CARD_COLUMNS, slots);
    }

    /**
     * The published article at this address, with its section, bylines, topics, lead picture, timeline and what its
     * thread needs: one statement (see {@link #DETAIL}).
     */
    public Optional<ArticleDetail> byPath(String path) {
        return jdbi.withHandle(h -> h.createQuery(PAGE_DETAIL + "WHERE a.path = :path AND a.status = 'published'")
                .bind("path", path).map(PAGE_ROW).findOne());
    }

    /** The published article with this id, as {@link #byPath} reads it for its page: with the lists at its end. */
    public Optional<ArticleDetail> pageById(long id) {
        return jdbi.withHandle(h -> h.createQuery(pageByIdSql()).bind("id", id).map(PAGE_ROW).findOne());
    }

    /** The published article with this id, without the lists of more articles (the Content API's). */
    public Optional<ArticleDetail> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery(DETAIL + "WHERE a.id = :id AND a.status = 'published'")
                .bind("id", id).map(DETAIL_ROW).findOne());
    }

    /** Any article with this id, whatever its status (newsroom previews). */
    public Optional<ArticleDetail> anyById(long id) {
        return jdbi.withHandle(h -> h.createQuery(DETAIL + "WHERE a.id = :id").bind("id", id).map(DETAIL_ROW).findOne());
    }

    /** How many headlines each list at an article's end holds. */
    public static final int MORE_SIZE = 4;

    /**
     * The columns the article page reads besides {@link #DETAIL}'s: the latest {@value #MORE_SIZE} published in the
     * article's section (a walk of {@code articles_section_idx}) and the latest {@code 2 * MORE_SIZE} on its first topic (a
     * walk of {@code article_topics_listing_idx}), neither holding the article itself; each walk stops after its few rows
     * (the limits are written into the text so the planner knows them). The topic's list is read twice as long as it is
     * shown, so that {@link #moreLists} can leave out the ones the section's list already holds and still fill it.
     */
    private static final String MORE_COLUMNS = """
            ,
              (SELECT json_agg(json_build_array(m.path, m.headline, (extract(epoch FROM m.first_published_at) * 1000000)::bigint)
                               ORDER BY m.first_published_at DESC, m.id DESC)
                 FROM (SELECT m.id, m.path, m.headline, m.first_published_at FROM articles m
                       WHERE m.section_id = a.section_id AND m.status = 'published' AND m.id <> a.id
                       ORDER BY m.first_published_at DESC, m.id DESC LIMIT %1$d) m) AS x_more_section,
              (SELECT json_agg(json_build_array(m.path, m.headline, (extract(epoch FROM m.first_published_at) * 1000000)::bigint)
                               ORDER BY m.published_at DESC, m.id DESC)
                 FROM (SELECT m.id, m.path, m.headline, m.first_published_at, x.published_at
                       FROM article_topics x JOIN articles m ON m.id = x.article_id
                       WHERE x.topic_id = (SELECT ft.topic_id FROM article_topics ft WHERE ft.article_id = a.id ORDER BY ft.position LIMIT 1)
                         AND x.published_at IS NOT NULL AND m.status = 'published' AND x.article_id <> a.id
                       ORDER BY x.published_at DESC, x.article_id DESC LIMIT %2$d) m) AS x_more_topic""".formatted(MORE_SIZE, 2 * MORE_SIZE);

    /**
     * The lists {@link #MORE_COLUMNS} read: the section's as it is, the first topic's without the section's and cut to
     * {@value #MORE_SIZE}.
     */
    private static MoreLists moreLists(ResultSet rs, ArticleDetail d) throws SQLException {
        List<MoreLists.Item> inSection = items(json(rs, "x_more_section"));
        var taken = new java.util.HashSet<String>();
        inSection.forEach(i -> taken.add(i.url()));
        List<MoreLists.Item> onTopic = items(json(rs, "x_more_topic")).stream().filter(i -> !taken.contains(i.url())).limit(MORE_SIZE).toList();
        var topic = d.topics().isEmpty() ? null : d.topics().get(0);
        return new MoreLists(inSection, topic == null ? "" : topic.name(), topic == null ? "" : topic.url(), onTopic);
    }

    private static List<MoreLists.Item> items(JsonNode list) {
        List<MoreLists.Item> items = new ArrayList<>();
        for (JsonNode i : list) items.add(new MoreLists.Item(i.get(0).asText(), i.get(1).asText(), Instant.EPOCH.plus(i.get(2).asLong(), ChronoUnit.MICROS)));
        return items;
    }

    /** Whether an article that is no longer published lived at this address (it answers 410). */
    public boolean wasUnpublished(String path) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT 1 FROM articles a WHERE a.status = 'unpublished'
                        AND (a.path = :path OR EXISTS (SELECT 1 FROM article_paths p WHERE p.path = :path AND p.article_id = a.id))""")
                .bind("path", path).mapTo(Integer.class).findOne().isPresent());
    }

    /** The current address of the published article that used to live at {@code oldPath}. */
    public Optional<String> movedTo(String oldPath) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.path FROM article_paths p JOIN articles a ON a.id = p.article_id
                        WHERE p.path = :path AND a.status = 'published' AND a.path <> :path""")
                .bind("path", oldPath).mapTo(String.class).findOne());
    }

    /**
     * An article row with everything its page shows beside it, in one round trip however many bylines, topics and
     * changes it has: the section joined, the rest as JSON arrays read by {@link #DETAIL_ROW} (in the order the page
     * shows them). A {@code WHERE} on {@code a} follows.
     */
    static final String DETAIL = detail("");

    /** {@link #DETAIL} with the lists at the article's end ({@link #MORE_COLUMNS}), read by {@link #PAGE_ROW}. */
    private static final String PAGE_DETAIL = detail(MORE_COLUMNS);

    /** The statement {@link #pageById} runs, binding {@code id}: for tests that EXPLAIN it. */
    static String pageByIdSql() {
        return PAGE_DETAIL + "WHERE a.id = :id AND a.status = 'published'";
    }

    private static String detail(String more) {
        return """
            SELECT a.*, s.id AS s_id, s.slug AS s_slug, s.name AS s_name, s.description AS s_description, s.position AS s_position,
              (SELECT json_agg(json_build_array(c.name, c.slug, c.kind, c.job_title, c.bio, %s) ORDER BY ab.position)
                 FROM article_bylines ab JOIN contributors c ON c.id = ab.contributor_id WHERE ab.article_id = a.id) AS x_bylines,
              (SELECT json_agg(json_build_array(t.id, t.slug, t.name, t.description) ORDER BY at.position)
                 FROM article_topics at JOIN topics t ON t.id = at.topic_id WHERE at.article_id = a.id) AS x_topics,
              (SELECT json_agg(json_build_array(k.kind, k.note, (extract(epoch FROM k.at) * 1000000)::bigint) ORDER BY k.at, k.id)
                 FROM article_changes k WHERE k.article_id = a.id) AS x_changes,
              %s AS x_lead%s
            FROM articles a JOIN sections s ON s.id = a.section_id
            """.formatted(pictureJson("c.picture_id"), pictureJson("a.lead_image_id"), more);
    }

    /**
     * A picture as a JSON array (id, width, height, alt, caption, credit, renditions), read by {@link #picture}: null when
     * {@code imageId} is null or names no picture.
     */
    private static String pictureJson(String imageId) {
        return """
                (SELECT json_build_array(i.id, i.width, i.height, i.alt, i.caption, i.credit,
                        (SELECT json_agg(json_build_array(r.format, r.width, r.height, r.blob_key) ORDER BY r.format, r.width)
                           FROM image_renditions r WHERE r.image_id = i.id))
                 FROM images i WHERE i.id = %s)""".formatted(imageId);
    }

    /** The picture {@link #pictureJson} wrote, or null for none (or one not ready to show). */
    private static Picture picture(JsonNode i) {
        if (i == null || i.isNull() || i.isEmpty()) return null;
        List<Picture.Size> sizes = new ArrayList<>();
        for (JsonNode r : i.get(6)) sizes.add(ImageStore.size(r.get(3).asText(), r.get(1).asInt(), r.get(2).asInt(), r.get(0).asText()));
        return ImageStore.shown(i.get(0).asLong(), i.get(1).asInt(), i.get(2).asInt(), text(i.get(3)), text(i.get(4)), text(i.get(5)), sizes)
                .orElse(null);
    }

    static final RowMapper<ArticleDetail> DETAIL_ROW = (rs, ctx) -> {
        Article a = ArticleStore.ROW.map(rs, ctx);
        List<Byline> bylines = new ArrayList<>();
        List<AuthorCard> authors = new ArrayList<>();
        for (JsonNode b : json(rs, "x_bylines")) {
            Byline byline = byline(b);
            bylines.add(byline);
            // the portrait sits beside the name, which says who it is: no alternative text of its own
            Picture portrait = byline.desk() ? null : picture(b.get(5));
            if (portrait != null) portrait = new Picture(portrait.id(), portrait.width(), portrait.height(), "", "", "", portrait.renditions());
            authors.add(new AuthorCard(byline, text(b.get(4)), portrait));
        }
        List<Topic> topics = new ArrayList<>();
        for (JsonNode t : json(rs, "x_topics")) topics.add(new Topic(t.get(0).asLong(), t.get(1).asText(), t.get(2).asText(), text(t.get(3))));
        List<ArticleChange> changes = new ArrayList<>();
        for (JsonNode k : json(rs, "x_changes")) {
            changes.add(new ArticleChange(k.get(0).asText(), text(k.get(1)), Instant.EPOCH.plus(k.get(2).asLong(), ChronoUnit.MICROS)));
        }
        Picture lead = picture(json(rs, "x_lead"));
        if (lead != null) lead = lead.withWords(a.leadImageCaption(), a.leadImageCredit(), a.leadImageAlt());
        return new ArticleDetail(a, ContentRows.section(rs, "s_"), List.copyOf(bylines), List.copyOf(topics), lead, List.copyOf(changes),
                rs.getInt("comment_count"), (Integer) rs.getObject("comments_close_days"), List.copyOf(authors), MoreLists.NONE);
    };

    /** An article read with {@link #PAGE_DETAIL}: as {@link #DETAIL_ROW}, with the lists at its end. */
    static final RowMapper<ArticleDetail> PAGE_ROW = (rs, ctx) -> {
        ArticleDetail d = DETAIL_ROW.map(rs, ctx);
        return d.withMore(moreLists(rs, d));
    };

    /** A byline written as JSON by {@link #DETAIL} or {@link #BYLINES_COLUMN}: name, slug, kind, job title first. */
    private static Byline byline(JsonNode b) {
        return new Byline(b.get(0).asText(), b.get(1).asText(), "desk".equals(b.get(2).asText()), text(b.get(3)));
    }

    /** A JSON column of {@link #DETAIL}; an empty array for SQL null. */
    private static JsonNode json(ResultSet rs, String column) throws SQLException {
        String raw = rs.getString(column);
        if (raw == null) return Json.MAPPER.createArrayNode();
        try {
            return Json.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new SQLException("Unreadable " + column, e);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    static Map<Long, List<Byline>> bylines(Handle h, List<Long> articleIds) {
        Map<Long, List<Byline>> out = new HashMap<>();
        h.createQuery("""
                        SELECT ab.article_id, c.name, c.slug, c.kind, c.job_title FROM article_bylines ab
                        JOIN contributors c ON c.id = ab.contributor_id
                        WHERE ab.article_id = ANY(:ids) ORDER BY ab.article_id, ab.position""")
                .bind("ids", Rows.ids(articleIds))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new Byline(rs.getString(2), rs.getString(3),
                        "desk".equals(rs.getString(4)), rs.getString(5))))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    /** Fills in the pictures and bylines of cards read by {@link #cardRow}. */
    static List<ArticleCard> hydrate(Handle h, List<ArticleCard> cards) {
        if (cards.isEmpty()) return cards;
        return complete(h, cards, bylines(h, cards.stream().map(ArticleCard::id).toList()));
    }

    /** Fills in the pictures of cards read by {@link #listedRow}, which carry their bylines. */
    static List<ArticleCard> pictures(Handle h, List<ArticleCard> cards) {
        if (cards.isEmpty()) return cards;
        return complete(h, cards, null);
    }

    /** The cards with their pictures read, and these bylines by article id (null: the cards' own). */
    private static List<ArticleCard> complete(Handle h, List<ArticleCard> cards, Map<Long, List<Byline>> bylines) {
        List<Long> imageIds = cards.stream().map(c -> c.picture() == null ? null : c.picture().id())
                .filter(Objects::nonNull).distinct().toList();
        Map<Long, Picture> pictures = ImageStore.pictures(h, imageIds);
        List<ArticleCard> out = new ArrayList<>(cards.size());
        for (ArticleCard c : cards) {
            Picture p = null;
            if (c.picture() != null && pictures.containsKey(c.picture().id())) {
                Picture overrides = c.picture();
                p = pictures.get(overrides.id()).withWords(overrides.caption(), overrides.credit(), overrides.alt());
            }
            out.add(new ArticleCard(c.id(), c.url(), c.headline(), c.standfirst(), c.section(), c.published(),
                    c.updated(), p, bylines == null ? c.bylines() : bylines.getOrDefault(c.id(), List.of()), c.access(), c.comments()));
        }
        return out;
    }

    /** A card from a row of {@link #keyset}'s, with its bylines ({@link #BYLINES_COLUMN}). */
    static ArticleCard listedRow(ResultSet rs) throws SQLException {
        ArticleCard c = cardRow(rs);
        List<Byline> bylines = new ArrayList<>();
        for (JsonNode b : json(rs, "x_bylines")) {
            bylines.add(byline(b));
        }
        return new ArticleCard(c.id(), c.url(), c.headline(), c.standfirst(), c.section(), c.published(), c.updated(), c.picture(),
                List.copyOf(bylines), c.access(), c.comments());
    }

    /** A card from one row; its picture holds only the id and per-article words until {@link #hydrate}. */
    static ArticleCard cardRow(ResultSet rs) throws SQLException {
        long imageId = rs.getLong("lead_image_id");
        Picture partial = rs.wasNull() ? null : new Picture(imageId, 0, 0, rs.getString("lead_image_alt"),
                rs.getString("lead_image_caption"), rs.getString("lead_image_credit"), List.of());
        Section s = ContentRows.section(rs, "s_");
        return new ArticleCard(rs.getLong("id"), rs.getString("path"), rs.getString("headline"), rs.getString("standfirst"),
                s, Rows.instant(rs, "first_published_at"), Rows.instant(rs, "updated_at"), partial, List.of(),
                AccessLevel.fromWord(rs.getString("access")).orElse(AccessLevel.FREE), rs.getInt("comments"));
    }
}
