package broadsheet.media;

import broadsheet.shared.Page;
import broadsheet.newsroom.Frame;
import broadsheet.shared.StaffRole;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the media library's templates receive: the library page, one picture's page and the deletion warning. */
public final class LibraryViews {
    private LibraryViews() {}

    /** The narrowest JPEG at least this wide is the thumbnail (or the widest there is). */
    static final int THUMBNAIL_WIDTH = 480;

    /** The library: a page of pictures, the search, pick mode, and the upload form (with what was typed and its problems). */
    public record Library(Frame frame, Page<LibraryStore.Item> page, String q, String pick, String baseQuery,
                          MediaLibrary.Words form, Map<String, String> problems, String notice, int limitMegabytes) {
        public String problem(String field) {
            return problems.get(field);
        }

        public boolean picking() {
            return !pick.isEmpty();
        }

        /** The address of another page of the same listing. */
        public String pageUrl(int number) {
            return "/newsroom/media/?" + baseQuery + (baseQuery.isEmpty() ? "" : "&") + "page=" + number;
        }
    }

    /** One picture: its preview, words (as stored, or as just typed with problems), uses and the Markdown snippet. */
    public record PicturePage(Frame frame, LibraryStore.Item item, LibraryStore.Uses uses, MediaLibrary.Words form,
                          Map<String, String> problems, String notice, long fileBytes, ZoneId zone) {
        public String problem(String field) {
            return problems.get(field);
        }

        public String snippet() {
            return LibraryViews.snippet(item);
        }

        /** Whether the viewer may see this article's headline: editors and reporters see all, others their own and published ones. */
        public boolean named(LibraryStore.ArticleUse use) {
            return frame.atLeast(StaffRole.REPORTER) || "published".equals(use.status())
                    || (frame.staff() != null && Long.valueOf(frame.staff().id()).equals(use.createdBy()));
        }
    }

    /** The warning before a picture in use is deleted. */
    public record DeleteWarning(Frame frame, LibraryStore.Item item, LibraryStore.Uses uses) {}

    /** The thumbnail rendition of a picture: the narrowest JPEG at least {@value #THUMBNAIL_WIDTH} wide, else the widest. */
    public static Picture.Size thumbnail(Picture p) {
        List<Picture.Size> jpeg = p.jpeg();
        return jpeg.stream().filter(s -> s.width() >= THUMBNAIL_WIDTH).findFirst().orElse(jpeg.get(jpeg.size() - 1));
    }

    /** The Markdown that places the picture in a body: {@code ![alt](image:ID "Caption | Credit")}. */
    public static String snippet(LibraryStore.Item item) {
        var p = item.picture();
        String title = oneLine(p.caption()) + (p.credit().isBlank() ? "" : " | " + oneLine(p.credit()));
        String alt = oneLine(p.alt()).replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
        return "![" + alt + "](image:" + p.id() + (title.isBlank() ? "" : " \"" + title.replace("\\", "\\\\").replace("\"", "\\\"") + "\"") + ")";
    }

    /** "1.2 MB", "830 KB". */
    public static String fileSize(long bytes) {
        if (bytes >= 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
