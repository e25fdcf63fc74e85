package broadsheet.importing;

import broadsheet.shared.AuditLog;
import broadsheet.article.Article;
import broadsheet.article.ArticleContent;
import broadsheet.article.ArticleStore;
import broadsheet.contributor.ContributorStore;
import broadsheet.media.MediaLibrary;
import broadsheet.editing.Drafts;
import broadsheet.editing.Revisions;
import broadsheet.editing.Snapshot;
import broadsheet.section.SectionStore;
import broadsheet.storage.BlobStore;
import broadsheet.storage.ChangeFeed;
import broadsheet.settings.SettingsStore;
import broadsheet.settings.SiteSettings;
import broadsheet.topic.TopicStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores articles read from import files or made by the demo, as published articles, in ONE transaction:
 * all of them or, when there is any problem, none. New articles without pictures are stored several hundred at a
 * time ({@link NewArticles}); the others one by one. Its pictures' files are staged and reach the media folder
 * only once the transaction has committed, so a failed or killed run leaves none there.
 * Sections, contributors and topics named by the articles are created when missing. A file replaces the
 * article imported before from the same file or with the same id ({@link ImportKeys}), or else the article at
 * its address (section, date and slug), so running an import twice is harmless; the result names each
 * article replaced.
 * Each stored article gets a revision of kind "imported" (unless an import leaves it as it was), so its
 * history in the newsroom starts there.
 * Reading files is {@link MarkdownArticleReader}'s job; what the site shows is the pages'.
 */
public final class ArticleImporter {
    private static final Logger log = LoggerFactory.getLogger(ArticleImporter.class);
    private static final AuditLog.Actor IMPORT = AuditLog.Actor.system("import");
    private final Jdbi jdbi;
    private final MediaLibrary media;
    private final ZoneId zone;

    public ArticleImporter(Jdbi jdbi, MediaLibrary media, ZoneId zone) {
        this.jdbi = jdbi;
        this.media = media;
        this.zone = zone;
    }

    /** How many articles were created, which were replaced, and how many distinct pictures they use. */
    public record Result(int created, List<Replaced> replaced, int pictures) {
        public Result {
            replaced = List.copyOf(replaced);
        }
    }

    /**
     * An article an import replaced: the file (or other origin) that replaced it, the headline and address it
     * had before, and why the file was taken for it.
     */
    public record Replaced(String origin, String headline, String path, Why why) {}

    /** Why an imported file replaced an article rather than adding one. */
    public enum Why {
        SAME_ID("same id"),
        SAME_FILE("same file"),
        SAME_ADDRESS("same address");

        private final String words;

        Why(String words) {
            this.words = words;
        }

        /** For the import's summary: "same id". */
        public String words() {
            return words;
        }
    }

    /** Checks the run ({@link ImportChecks}), then stores it. */
    public Result importAll(List<ArticleSource> sources, Instant now) {
        long started = System.nanoTime();
        ImportChecks.Checked run = new ImportChecks(media, zone).check(sources, List.of(), now);
        log.debug("Checked the run and prepared {} pictures in {} ms", run.pictures().size(), (System.nanoTime() - started) / 1_000_000);
        return store(run, now);
    }

    /**
     * Stores a checked run in one transaction. Problems only the database shows (an article moved onto another's
     * address) are all reported together, and then nothing is kept.
     */
    public Result store(ImportChecks.Checked run, Instant now) {
        List<ArticleSource> sources = run.sources();
        long started = System.nanoTime();
        try (BlobStore.Staged staged = media.stage()) {
            Result result = jdbi.inTransaction(h -> {
                int created = 0;
                List<Replaced> replaced = new ArrayList<>();
                Map<String, Long> pictureIds = new HashMap<>();
                var problems = new Problems();
                // new articles without pictures go in batches; the others one by one, in the run's order
                var batch = new NewArticles(h, zone, now, IMPORT);
                Set<Integer> fitting = NewArticles.fitting(h, sources, zone);
                batch.renderAhead(IntStream.range(0, sources.size()).filter(fitting::contains).mapToObj(sources::get).toList());
                try {
                    for (int i = 0; i < sources.size(); i++) {
                        ArticleSource s = sources.get(i);
                        if (fitting.contains(i)) {
                            batch.add(s);
                            continue;
                        }
                        batch.flush();
                        Optional<Replaced> outcome = problems.value(() -> store(h, s, run.pictures(), pictureIds, now, staged));
                        if (outcome == null) continue;
                        if (outcome.isPresent()) replaced.add(outcome.get()); else created++;
                    }
                    batch.flush();
                } finally {
                    batch.discard();
                }
                problems.throwIfAny();
                ChangeFeed.announce(h, "import of " + sources.size() + " articles");
                return new Result(created + batch.stored(), replaced, pictureIds.size());
            });
            staged.publish();
            log.debug("Stored {} articles in {} ms", sources.size(), (System.nanoTime() - started) / 1_000_000);
            return result;
        }
    }

    /** Stores one article; what it replaced, or nothing when it is new. */
    private Optional<Replaced> store(Handle h, ArticleSource s, Map<ImageSource, MediaLibrary.Prepared> prepared,
                          Map<String, Long> pictureIds, Instant now, BlobStore.Staged staged) {
        String section = s.content().sectionSlug();
        long sectionId = SectionStore.ensure(h, section, sectionName(section), "");
        // names are matched in any case, so "Ports" and "ports" are one topic: keep its first place only
        List<Long> bylines = s.content().bylines().stream().map(name -> ContributorStore.ensure(h, name)).distinct().toList();
        List<Long> topics = s.content().topics().stream().map(name -> TopicStore.ensure(h, name, "")).distinct().toList();
        Long leadId = null;
        if (s.leadImage() != null) leadId = picture(h, s.leadImage(), prepared, pictureIds, now, staged);
        String body = s.content().body();
        List<Long> inline = new ArrayList<>();
        for (var e : s.inlineImages().entrySet()) {
            long id = picture(h, e.getValue(), prepared, pictureIds, now, staged);
            inline.add(id);
            body = rewriteDestination(body, e.getKey(), "image:" + id);
        }
        SiteSettings paper = s.content().access() == null || s.content().comments() == null ? SettingsStore.read(h) : SiteSettings.DEFAULTS;
        ArticleContent content = s.stored(leadId, body, paper.defaultAccess(), paper.defaultComments());
        String path = s.path(zone);
        Optional<Long> atPath = ArticleStore.idAtPath(h, path);
        Optional<Long> byKey = s.importKey() == null ? Optional.empty() : ArticleStore.idByImportKey(h, s.importKey());
        Optional<Long> existing = byKey.or(() -> atPath);
        if (existing.isPresent() && atPath.isPresent() && !atPath.equals(existing)
                && ArticleStore.byId(h, atPath.get()).map(a -> path.equals(a.path())).orElse(false)) {
            throw new ImportException(s.origin(), s.lineOf(s.addressKey()), s.addressKey(),
                    "moves the article to " + path + ", where another article already is; give it another slug");
        }
        long id;
        Optional<Replaced> replaced = Optional.empty();
        if (existing.isPresent()) {
            id = existing.get();
            Article before = ArticleStore.byId(h, id).orElseThrow();
            Why why = byKey.isEmpty() ? Why.SAME_ADDRESS : ImportKeys.fromId(s.importKey()) ? Why.SAME_ID : Why.SAME_FILE;
            replaced = Optional.of(new Replaced(s.origin(), before.headline(), before.path(), why));
            ArticleStore.replacePublished(h, id, sectionId, content, path, s.published(), s.updated(), now);
        } else {
            id = ArticleStore.insertPublished(h, sectionId, content, path, s.published(), s.updated(), now);
        }
        if (s.importKey() != null) ArticleStore.setImportKey(h, id, s.importKey());
        ArticleStore.setBylines(h, id, bylines);
        ArticleStore.setTopics(h, id, topics);
        ArticleStore.setInlineImages(h, id, inline);
        // the article's history in the newsroom starts with what was imported, and goes on when an import changes it
        Article stored = ArticleStore.byId(h, id).orElseThrow();
        Snapshot snapshot = Drafts.snapshot(h, stored);
        if (!Revisions.latest(h, id).map(snapshot::equals).orElse(false)) {
            Revisions.add(h, id, stored.version(), IMPORT, "imported", snapshot, now);
        }
        return replaced;
    }

    private long picture(Handle h, ImageSource src, Map<ImageSource, MediaLibrary.Prepared> prepared,
                         Map<String, Long> ids, Instant now, BlobStore.Staged staged) {
        MediaLibrary.Prepared p = prepared.get(src);
        Long id = ids.get(p.sha256());
        if (id == null) {
            id = media.store(h, p, new MediaLibrary.Words(src.caption(), src.credit(), src.alt()), now, staged);
            ids.put(p.sha256(), id);
        }
        if (!src.caption().isEmpty() || !src.credit().isEmpty() || !src.alt().isEmpty()) {
            h.createUpdate("""
                            UPDATE images SET caption = CASE WHEN caption = '' THEN :caption ELSE caption END,
                                credit = CASE WHEN credit = '' THEN :credit ELSE credit END,
                                alt = CASE WHEN alt = '' THEN :alt ELSE alt END
                            WHERE id = :id""")
                    .bind("caption", src.caption()).bind("credit", src.credit()).bind("alt", src.alt()).bind("id", id)
                    .execute();
        }
        return id;
    }

    /** "world-news" becomes "World news". */
    static String sectionName(String slug) {
        String words = slug.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Points a picture's Markdown destination at the library ({@code image:42}). */
    static String rewriteDestination(String markdown, String from, String to) {
        return markdown.replace("](<" + from + ">", "](" + to).replace("](" + from + " ", "](" + to + " ")
                .replace("](" + from + ")", "](" + to + ")");
    }
}
