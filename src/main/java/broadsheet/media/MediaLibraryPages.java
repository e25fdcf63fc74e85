package broadsheet.media;

import broadsheet.shared.Page;
import broadsheet.newsroom.Frames;
import broadsheet.web.Access;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Pages;
import broadsheet.web.Pagination;
import broadsheet.storage.BlobStore;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.media.JtedeleteGenerated;
import gg.jte.generated.precompiled.media.JtelibraryGenerated;
import gg.jte.generated.precompiled.media.JtepictureGenerated;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The media library in the newsroom: the library page (search, pick mode, upload form), one picture's page
 * (preview, words, uses, snippet, delete), the deletion warning, and the JSON search the editor's picker
 * reads. Reads forms and picks pages; the work is done by {@link Uploads}, {@link PictureWords} and
 * {@link PictureDeletion}, and who may do what is the route table's.
 */
public final class MediaLibraryPages {
    private static final Template<LibraryViews.Library> LIBRARY = JtelibraryGenerated::render;
    private static final Template<LibraryViews.PicturePage> PICTURE = JtepictureGenerated::render;
    private static final Template<LibraryViews.DeleteWarning> DELETE = JtedeleteGenerated::render;
    public static final int PAGE_SIZE = 24;
    private static final MediaLibrary.Words BLANK = new MediaLibrary.Words("", "", "", false);
    private final LibraryStore library;
    private final Uploads uploads;
    private final PictureWords words;
    private final PictureDeletion deletion;
    private final BlobStore blobs;
    private final Frames frames;
    private final Pages pages;
    private final Clock clock;
    private final ZoneId zone;

    public MediaLibraryPages(LibraryStore library, Uploads uploads, PictureWords words, PictureDeletion deletion, BlobStore blobs,
                             Frames frames, Pages pages, Clock clock, ZoneId zone) {
        this.library = library;
        this.uploads = uploads;
        this.words = words;
        this.deletion = deletion;
        this.blobs = blobs;
        this.frames = frames;
        this.pages = pages;
        this.clock = clock;
        this.zone = zone;
    }

    /** {@code GET /newsroom/media/}: newest first, searched with {@code ?q=}, in pick mode with {@code ?pick=lead}. */
    public void library(Context ctx) {
        showLibrary(ctx, 200, BLANK, Map.of(), notice(ctx.queryParam("notice")));
    }

    /** {@code GET /newsroom/media}: the library lives at the address with the slash. */
    public void toLibrary(Context ctx) {
        redirect(ctx, "/newsroom/media/");
    }

    /** {@code GET /newsroom/media/search.json?q=&page=}: for the editor's picture picker. */
    public void search(Context ctx) {
        String q = query(ctx);
        int number = Pagination.page(ctx);
        Page<LibraryStore.Item> page = library.page(q, number, PAGE_SIZE);
        List<Map<String, Object>> items = page.items().stream().map(MediaLibraryPages::json).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("page", number);
        body.put("lastPage", page.lastPage());
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.json(body);
    }

    /** {@code POST /newsroom/media}: one picture with its words, as multipart/form-data. */
    public void upload(Context ctx) {
        switch (UploadForm.receive(ctx, uploads, clock.instant())) {
            case UploadForm.Result.Stored s -> redirect(ctx, "/newsroom/media/" + s.id() + "?notice=" + (s.existed() ? "already" : "uploaded"));
            case UploadForm.Result.Refused r -> showLibrary(ctx, r.status(), r.form(), r.problems(), null);
        }
    }

    /** {@code GET /newsroom/media/{id}}. */
    public void picture(Context ctx) {
        LibraryStore.Item item = item(ctx);
        var p = item.picture();
        showPicture(ctx, 200, item, new MediaLibrary.Words(p.caption(), p.credit(), p.alt(), item.syndicatable()), Map.of(),
                notice(ctx.queryParam("notice")));
    }

    /** {@code POST /newsroom/media/{id}}: new words for the picture (editors). */
    public void update(Context ctx) {
        LibraryStore.Item item = item(ctx);
        MediaLibrary.Words form = UploadForm.words(ctx);
        Map<String, String> problems = PictureWords.problems(form);
        if (!problems.isEmpty()) {
            showPicture(ctx, 400, item, form, problems, null);
            return;
        }
        if (!words.change(item.id(), form, Access.visitor(ctx).actor(ctx.ip()), clock.instant())) throw HttpProblem.notFound();
        redirect(ctx, "/newsroom/media/" + item.id() + "?notice=saved");
    }

    /** {@code POST /newsroom/media/{id}/delete}: a picture in use needs {@code confirm=yes}, sent from the warning page. */
    public void delete(Context ctx) {
        long id = id(ctx);
        boolean confirmed = "yes".equals(ctx.formParam("confirm"));
        switch (deletion.delete(id, confirmed, Access.visitor(ctx).actor(ctx.ip()), clock.instant())) {
            case PictureDeletion.Outcome.NotFound n -> throw HttpProblem.notFound();
            case PictureDeletion.Outcome.InUse u -> {
                LibraryStore.Item item = library.item(id).orElseThrow(HttpProblem::notFound);
                ctx.status(409);
                pages.html(ctx, DELETE, new LibraryViews.DeleteWarning(frames.of(ctx, "media"), item, u.uses()),
                        CachePolicy.NO_STORE, List.of());
            }
            case PictureDeletion.Outcome.Deleted d -> redirect(ctx, "/newsroom/media/?notice=deleted");
        }
    }

    private void showLibrary(Context ctx, int status, MediaLibrary.Words form, Map<String, String> problems, String notice) {
        String q = query(ctx);
        String pick = "lead".equals(ctx.queryParam("pick")) ? "lead" : "";
        int number = Pagination.page(ctx);
        Page<LibraryStore.Item> page = library.page(q, number, PAGE_SIZE);
        Pagination.checkExists(number, page.lastPage());
        StringBuilder base = new StringBuilder();
        if (q != null) base.append("q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
        if (!pick.isEmpty()) base.append(base.isEmpty() ? "" : "&").append("pick=").append(pick);
        var view = new LibraryViews.Library(frames.of(ctx, "media"), page, q == null ? "" : q, pick, base.toString(), form, problems,
                notice, (int) (uploads.maxBytes() / (1024 * 1024)));
        ctx.status(status);
        pages.html(ctx, LIBRARY, view, CachePolicy.NO_STORE, List.of());
    }

    private void showPicture(Context ctx, int status, LibraryStore.Item item, MediaLibrary.Words form, Map<String, String> problems,
                             String notice) {
        long bytes = blobs.get(item.masterKey()).map(BlobStore.Blob::size).orElse(0L);
        var view = new LibraryViews.PicturePage(frames.of(ctx, "media"), item, library.uses(item.id()), form, problems, notice, bytes, zone);
        ctx.status(status);
        pages.html(ctx, PICTURE, view, CachePolicy.NO_STORE, List.of());
    }

    private static Map<String, Object> json(LibraryStore.Item item) {
        var p = item.picture();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("src", LibraryViews.thumbnail(p).url());
        m.put("width", p.width());
        m.put("height", p.height());
        m.put("caption", p.caption());
        m.put("credit", p.credit());
        m.put("alt", p.alt());
        return m;
    }

    private LibraryStore.Item item(Context ctx) {
        return library.item(id(ctx)).orElseThrow(HttpProblem::notFound);
    }

    private static long id(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!raw.matches("[0-9]{1,18}")) throw HttpProblem.notFound();
        return Long.parseLong(raw);
    }

    private static String query(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) return null;
        if (q.length() > 200) throw HttpProblem.badRequest("Search for at most 200 characters.");
        return q.strip();
    }

    private static String notice(String word) {
        if (word == null) return null;
        return switch (word) {
            case "uploaded" -> "The picture is in the library.";
            case "already" -> "This picture was already in the library, so nothing new was stored; here it is with its words.";
            case "saved" -> "Saved. Articles that use the library's words show the new ones.";
            case "deleted" -> "The picture was deleted.";
            default -> null;
        };
    }

    static void redirect(Context ctx, String to) {
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.redirect(to, HttpStatus.SEE_OTHER);
    }
}
