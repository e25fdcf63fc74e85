package broadsheet.media;

import broadsheet.shared.Page;
import broadsheet.storage.Rows;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The media library as the newsroom browses it: pictures newest first, searched by caption, credit, alt
 * text or number, each with its rights flag and how many articles and contributors use it; one picture's
 * uses; and changing a picture's words. Adding pictures is {@link Uploads}' job, removing them
 * {@link PictureDeletion}'s.
 */
public final class LibraryStore {
    private final Jdbi jdbi;

    public LibraryStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One picture of the library with what the newsroom needs to know about it. */
    public record Item(Picture picture, boolean syndicatable, String mediaType, String masterKey, Instant createdAt, int articles,
                       int contributors) {
        public long id() {
            return picture.id();
        }

        public boolean inUse() {
            return articles + contributors > 0;
        }
    }

    /** An article that shows the picture, as its lead picture, in its body, or both. */
    public record ArticleUse(long id, String headline, String status, boolean lead, boolean inline, Long createdBy) {}

    /** A contributor whose profile picture it is. */
    public record ContributorUse(long id, String name, String slug) {}

    /** Everything that uses a picture. */
    public record Uses(List<ArticleUse> articles, List<ContributorUse> contributors) {
        public boolean isEmpty() {
            return articles.isEmpty() && contributors.isEmpty();
        }

        public boolean anyPublished() {
            return articles.stream().anyMatch(a -> "published".equals(a.status()));
        }
    }

    /** A page of the library, newest first; {@code q} (may be null) matches caption, credit, alt text or the number. */
    public Page<Item> page(String q, int number, int size) {
        String where = q == null ? "" : """
                WHERE i.caption ILIKE :like ESCAPE '!' OR i.credit ILIKE :like ESCAPE '!' OR i.alt ILIKE :like ESCAPE '!'
                   OR CAST(i.id AS text) = :exact""";
        String like = q == null ? null : "%" + q.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return jdbi.withHandle(h -> {
            long total = h.createQuery("SELECT count(*) FROM images i <where>").define("where", where)
                    .bind("like", like).bind("exact", q).mapTo(Long.class).one();
            List<Long> ids = h.createQuery("SELECT i.id FROM images i <where> ORDER BY i.created_at DESC, i.id DESC LIMIT :n OFFSET :off")
                    .define("where", where).bind("like", like).bind("exact", q)
                    .bind("n", size).bind("off", (long) (number - 1) * size).mapTo(Long.class).list();
            return new Page<>(items(h, ids), number, size, total);
        });
    }

    public Optional<Item> item(long id) {
        return jdbi.withHandle(h -> items(h, List.of(id)).stream().findFirst());
    }

    /** The library items for these ids, in the order given. */
    static List<Item> items(Handle h, List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        Map<Long, Picture> pictures = ImageStore.pictures(h, ids);
        record Row(long id, boolean syndicatable, String mediaType, String masterKey, Instant createdAt, int articles, int contributors) {}
        Map<Long, Row> rows = new HashMap<>();
        h.createQuery("""
                        SELECT i.id, i.syndicatable, i.media_type, i.master_key, i.created_at,
                               (SELECT count(*) FROM (SELECT a.id FROM articles a WHERE a.lead_image_id = i.id
                                                      UNION SELECT x.article_id FROM article_inline_images x WHERE x.image_id = i.id) u) AS articles,
                               (SELECT count(*) FROM contributors c WHERE c.picture_id = i.id) AS contributors
                        FROM images i WHERE i.id = ANY(:ids)""")
                .bindArray("ids", Long.class, ids)
                .map((rs, c) -> new Row(rs.getLong("id"), rs.getBoolean("syndicatable"), rs.getString("media_type"),
                        rs.getString("master_key"), Rows.instant(rs, "created_at"), rs.getInt("articles"), rs.getInt("contributors")))
                .forEach(r -> rows.put(r.id(), r));
        return ids.stream().filter(id -> pictures.containsKey(id) && rows.containsKey(id)).map(id -> {
            Row r = rows.get(id);
            return new Item(pictures.get(id), r.syndicatable(), r.mediaType(), r.masterKey(), r.createdAt(), r.articles(), r.contributors());
        }).toList();
    }

    public Uses uses(long id) {
        return jdbi.withHandle(h -> uses(h, id));
    }

    static Uses uses(Handle h, long id) {
        List<ArticleUse> articles = h.createQuery("""
                        SELECT a.id, a.headline, a.status, a.created_by, a.lead_image_id = :id AS lead,
                               EXISTS (SELECT 1 FROM article_inline_images x WHERE x.article_id = a.id AND x.image_id = :id) AS inline
                        FROM articles a
                        WHERE a.lead_image_id = :id
                           OR a.id IN (SELECT article_id FROM article_inline_images WHERE image_id = :id)
                        ORDER BY a.modified_at DESC, a.id DESC""")
                .bind("id", id)
                .map((rs, c) -> new ArticleUse(rs.getLong("id"), rs.getString("headline"), rs.getString("status"),
                        rs.getBoolean("lead"), rs.getBoolean("inline"), (Long) rs.getObject("created_by")))
                .list();
        List<ContributorUse> contributors = h.createQuery("SELECT id, name, slug FROM contributors WHERE picture_id = :id ORDER BY lower(name)")
                .bind("id", id).map((rs, c) -> new ContributorUse(rs.getLong("id"), rs.getString("name"), rs.getString("slug"))).list();
        return new Uses(articles, contributors);
    }

    /** Changes a picture's words; false when there is no such picture. */
    static boolean updateWords(Handle h, long id, MediaLibrary.Words w) {
        return h.createUpdate("""
                        UPDATE images SET caption = :caption, credit = :credit, alt = :alt, syndicatable = :syndicatable
                        WHERE id = :id""")
                .bind("caption", w.caption()).bind("credit", w.credit()).bind("alt", w.alt())
                .bind("syndicatable", w.syndicatable()).bind("id", id).execute() == 1;
    }
}
