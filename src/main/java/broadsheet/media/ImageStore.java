package broadsheet.media;

import broadsheet.storage.Rows;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for the {@code images} and {@code image_renditions} tables, and the assembly of {@link Picture}s
 * from them. Making renditions is {@link MediaLibrary}'s job.
 */
public final class ImageStore {
    /** Renditions are served under this prefix. */
    public static final String URL_PREFIX = "/media/";
    private final Jdbi jdbi;

    public ImageStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Map<Long, Picture> pictures(Collection<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        return jdbi.withHandle(h -> pictures(h, ids));
    }

    public Optional<Picture> picture(long id) {
        return Optional.ofNullable(pictures(List.of(id)).get(id));
    }

    public static Map<Long, Picture> pictures(Handle h, Collection<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        record Row(long id, int width, int height, String alt, String caption, String credit) {}
        record Rend(long imageId, String format, int width, int height, String key) {}
        List<Long> idList = List.copyOf(ids);
        List<Row> rows = h.createQuery("SELECT id, width, height, alt, caption, credit FROM images WHERE id = ANY(:ids)")
                .bind("ids", Rows.ids(idList))
                .map((rs, c) -> new Row(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
        Map<Long, List<Rend>> rends = new HashMap<>();
        h.createQuery("""
                        SELECT image_id, format, width, height, blob_key FROM image_renditions
                        WHERE image_id = ANY(:ids) ORDER BY image_id, format, width""")
                .bind("ids", Rows.ids(idList))
                .map((rs, c) -> new Rend(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5)))
                .forEach(r -> rends.computeIfAbsent(r.imageId(), k -> new ArrayList<>()).add(r));
        Map<Long, Picture> out = new LinkedHashMap<>();
        for (Row r : rows) {
            List<Picture.Size> sizes = rends.getOrDefault(r.id(), List.of()).stream()
                    .map(x -> size(x.key(), x.width(), x.height(), x.format())).toList();
            shown(r.id(), r.width(), r.height(), r.alt(), r.caption(), r.credit(), sizes).ifPresent(p -> out.put(r.id(), p));
        }
        return out;
    }

    /** A rendition stored under {@code blobKey}, as pages address it. */
    public static Picture.Size size(String blobKey, int width, int height, String format) {
        return new Picture.Size(URL_PREFIX + blobKey, width, height, format);
    }

    /**
     * A picture read from its {@code images} row and renditions (by whoever read them, in order of format and width);
     * empty while it has no JPEG rendition, as such a picture is never shown.
     */
    public static Optional<Picture> shown(long id, int width, int height, String alt, String caption, String credit,
                                          List<Picture.Size> sizes) {
        if (sizes.stream().noneMatch(x -> x.format().equals("jpeg"))) return Optional.empty();
        return Optional.of(new Picture(id, width, height, alt, caption, credit, sizes));
    }
}
