package broadsheet.article;

import broadsheet.media.ImageStore;
import broadsheet.media.Picture;
import broadsheet.storage.ChangeFeed;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Renders article bodies from their Markdown source and stores the HTML: the one writer of {@code body_html}, for
 * every save and import ({@link ArticleStore}), for the pictures' changes, and for rendering every article again
 * when the renderer or the pictures' renditions have changed. The rendered HTML is derived data; the source in the
 * database is the truth.
 */
public final class BodyRebuild {
    private static final int BATCH = 1_000;
    private final Jdbi jdbi;
    /** How a body refers to a picture in the media library. */
    public static final String REFERENCE = "image:[0-9]{1,18}";

    public BodyRebuild(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Renders every article again; returns how many bodies changed. The articles are read a batch at a time in id
     * order (each batch after the last id of the one before), their bodies rendered on every core (a body with library
     * pictures reads them through the batch's handle), and only the bodies whose HTML differs are written, in one
     * batch of updates; a body whose source changed since it was read is left to the save that changed it.
     */
    public int all() {
        record Row(long id, String source, String html) {}
        record Rendered(Row row, String html) {}
        int changed = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Row> rows = jdbi.withHandle(h -> h.createQuery("""
                            SELECT id, body_source, body_html FROM articles WHERE id > :after ORDER BY id LIMIT :n""")
                    .bind("after", from).bind("n", BATCH)
                    .map((rs, c) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3))).list());
            if (rows.isEmpty()) break;
            changed += jdbi.inTransaction(h -> {
                Map<Long, String> withPictures = new HashMap<>();
                for (Row r : rows) {
                    if (mayReferToPictures(r.source())) withPictures.put(r.id(), render(h, r.source()));
                }
                List<Rendered> different = rows.parallelStream()
                        .map(r -> new Rendered(r, withPictures.containsKey(r.id()) ? withPictures.get(r.id()) : renderWithoutPictures(r.source())))
                        .filter(r -> !r.html().equals(r.row().html()))
                        .toList();
                if (different.isEmpty()) return 0;
                PreparedBatch update = h.prepareBatch("""
                        UPDATE articles SET body_html = :html WHERE id = :id AND body_source = :source AND body_html <> :html""");
                for (Rendered r : different) update.bind("html", r.html()).bind("id", r.row().id()).bind("source", r.row().source()).add();
                return Arrays.stream(update.execute()).sum();
            });
            after = rows.get(rows.size() - 1).id();
        }
        if (changed > 0) jdbi.useHandle(h -> ChangeFeed.announce(h, "bodies rendered again"));
        return changed;
    }

    /** Renders the article's body from {@code source} and stores it as the article's HTML; whether the HTML changed. */
    public static boolean store(Handle h, long articleId, String source) {
        return h.createUpdate("UPDATE articles SET body_html = :html WHERE id = :id AND body_html <> :html")
                .bind("html", render(h, source)).bind("id", articleId).execute() > 0;
    }

    /** The HTML of a body whose pictures are library references ({@code image:42}), read through the handle. */
    public static String render(Handle h, String source) {
        BodyRenderer renderer = new BodyRenderer();
        List<Long> ids = pictureIds(renderer, source);
        Map<Long, Picture> pictures = ids.isEmpty() ? Map.of() : ImageStore.pictures(h, ids);
        return renderer.render(source, d -> d.matches(REFERENCE)
                ? Optional.ofNullable(pictures.get(Long.parseLong(d.substring(6)))) : Optional.empty());
    }

    /** Whether a body may refer to a library picture; when it does not, {@link #renderWithoutPictures} renders it. */
    public static boolean mayReferToPictures(String source) {
        return source.contains("image:");
    }

    /**
     * The HTML of a body that refers to no library picture ({@link #mayReferToPictures} is false), without the
     * database: an import renders many bodies at once, on every core, before storing them together.
     */
    public static String renderWithoutPictures(String source) {
        return new BodyRenderer().render(source, d -> Optional.empty());
    }

    /** The library pictures a body refers to. */
    public static List<Long> pictureIds(BodyRenderer renderer, String source) {
        return renderer.pictureDestinations(source).stream()
                .filter(d -> d.matches(REFERENCE)).map(d -> Long.parseLong(d.substring(6))).toList();
    }
}
