package broadsheet.importing;

import broadsheet.article.Article;
import broadsheet.article.ArticleContent;
import broadsheet.article.ArticleStore;
import broadsheet.article.BodyRebuild;
import broadsheet.contributor.ContributorStore;
import broadsheet.editing.Drafts;
import broadsheet.editing.Revisions;
import broadsheet.section.SectionStore;
import broadsheet.settings.SettingsStore;
import broadsheet.settings.SiteSettings;
import broadsheet.shared.AuditLog;
import broadsheet.shared.Futures;
import broadsheet.topic.TopicStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Handle;

/**
 * The articles of an import run that are new (no article is at their address or has their key before the run) and
 * have no pictures, stored {@value #BATCH} at a time inside the run's one transaction: a handful of round trips for a
 * whole batch instead of some twenty for each article, with the bodies rendered ahead on other cores
 * ({@link #renderAhead}) while the database stores the batch before; what the tables' triggers do for new rows is
 * done once per statement, on every row it added. What is stored is
 * what {@link ArticleImporter} stores for one such article: the article published, its bylines and topics (their
 * sections, contributors and topics created when missing), and its first revision, of kind "imported".
 */
final class NewArticles {
    static final int BATCH = 500;
    private final Handle h;
    private final ZoneId zone;
    private final Instant now;
    private final AuditLog.Actor actor;
    private final Map<String, Long> sections = new HashMap<>();
    private final Map<String, Long> contributors = new HashMap<>();
    private final Map<String, Long> topics = new HashMap<>();
    private final Map<Long, String> contributorNames = new HashMap<>();
    private final Map<Long, String> topicNames = new HashMap<>();
    private final List<ArticleSource> pending = new ArrayList<>();
    private final Map<ArticleSource, CompletableFuture<String>> rendering = new IdentityHashMap<>();
    private SiteSettings paper;
    private int stored;

    NewArticles(Handle h, ZoneId zone, Instant now, AuditLog.Actor actor) {
        this.h = h;
        this.zone = zone;
        this.now = now;
        this.actor = actor;
    }

    /**
     * Which of the sources may be stored here: those without pictures whose address and key no article has before
     * the run. No article stored earlier in the same run can take them either: the run's checks refuse two files
     * with one address or one id ({@link ImportChecks}), and an article moved by the run leaves behind only an
     * address it had before the run.
     */
    static Set<Integer> fitting(Handle h, List<ArticleSource> sources, ZoneId zone) {
        List<String> paths = sources.stream().map(s -> s.path(zone)).toList();
        List<String> keys = sources.stream().map(ArticleSource::importKey).filter(k -> k != null).toList();
        Set<String> takenPaths = new HashSet<>(h.createQuery("""
                        SELECT path FROM articles WHERE path = ANY(:paths)
                        UNION ALL SELECT path FROM article_paths WHERE path = ANY(:paths)""")
                .bindArray("paths", String.class, paths).mapTo(String.class).list());
        Set<String> takenKeys = keys.isEmpty() ? Set.of() : new HashSet<>(h.createQuery(
                        "SELECT import_key FROM articles WHERE import_key = ANY(:keys)")
                .bindArray("keys", String.class, keys).mapTo(String.class).list());
        Set<Integer> fitting = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            ArticleSource s = sources.get(i);
            boolean pictures = s.leadImage() != null || !s.inlineImages().isEmpty() || BodyRebuild.mayReferToPictures(s.content().body());
            if (!pictures && !takenPaths.contains(paths.get(i)) && (s.importKey() == null || !takenKeys.contains(s.importKey()))) {
                fitting.add(i);
            }
        }
        return fitting;
    }

    /**
     * Starts rendering the bodies of these sources (all to be {@link #add added} later) on the common pool, in their
     * order, so that the bodies of the next batch are rendered while the database stores this one.
     */
    void renderAhead(List<ArticleSource> sources) {
        for (ArticleSource s : sources) {
            rendering.put(s, CompletableFuture.supplyAsync(() -> BodyRebuild.renderWithoutPictures(s.content().body())));
        }
    }

    /** Stops the rendering not started yet (the run failed). */
    void discard() {
        rendering.values().forEach(f -> f.cancel(false));
        rendering.clear();
    }

    /** Adds an article to the batch, storing the batch when it is full. */
    void add(ArticleSource s) {
        pending.add(s);
        if (pending.size() >= BATCH) flush();
    }

    /** How many articles were stored. */
    int stored() {
        return stored;
    }

    /** Stores the articles added since the last call. */
    void flush() {
        if (pending.isEmpty()) return;
        List<String> html = pending.stream().map(this::html).toList();
        List<ArticleStore.NewPublished> rows = new ArrayList<>();
        List<List<Long>> bylines = new ArrayList<>();
        List<List<Long>> topicIds = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            ArticleSource s = pending.get(i);
            String section = s.content().sectionSlug();
            long sectionId = sections.computeIfAbsent(section, slug -> SectionStore.ensure(h, slug, ArticleImporter.sectionName(slug), ""));
            // names are matched in any case, so "Ports" and "ports" are one topic: keep its first place only
            bylines.add(s.content().bylines().stream().map(name -> contributors.computeIfAbsent(name, n -> ContributorStore.ensure(h, n)))
                    .distinct().toList());
            topicIds.add(s.content().topics().stream().map(name -> topics.computeIfAbsent(name, n -> TopicStore.ensure(h, n, "")))
                    .distinct().toList());
            SiteSettings defaults = s.content().access() == null || s.content().comments() == null ? paper() : SiteSettings.DEFAULTS;
            ArticleContent content = s.stored(null, s.content().body(), defaults.defaultAccess(), defaults.defaultComments());
            rows.add(new ArticleStore.NewPublished(sectionId, content, html.get(i), s.path(zone), s.published(), s.updated(),
                    s.importKey()));
        }
        List<Article> articles = ArticleStore.insertPublished(h, rows, now);
        List<Long> ids = articles.stream().map(Article::id).toList();
        ArticleStore.addLinks(h, ArticleStore.Links.BYLINES, ids, bylines);
        ArticleStore.addLinks(h, ArticleStore.Links.TOPICS, ids, topicIds);
        names("contributors", bylines, contributorNames);
        names("topics", topicIds, topicNames);
        // each article's history in the newsroom starts with what was imported
        List<Revisions.First> revisions = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            revisions.add(new Revisions.First(a.id(), a.version(), Drafts.snapshot(a, pending.get(i).content().sectionSlug(),
                    bylines.get(i).stream().map(contributorNames::get).toList(), topicIds.get(i).stream().map(topicNames::get).toList())));
        }
        Revisions.addFirst(h, revisions, actor, "imported", now);
        stored += pending.size();
        pending.clear();
    }

    /** The body's HTML, as rendered ahead or else now. */
    private String html(ArticleSource s) {
        CompletableFuture<String> ahead = rendering.remove(s);
        if (ahead == null) return BodyRebuild.renderWithoutPictures(s.content().body());
        return Futures.join(ahead);
    }

    private SiteSettings paper() {
        if (paper == null) paper = SettingsStore.read(h);
        return paper;
    }

    /** Reads the stored names (as first written, in whatever case) of the contributors or topics not known yet. */
    private void names(String table, Collection<List<Long>> ids, Map<Long, String> known) {
        Set<Long> missing = new HashSet<>();
        ids.forEach(each -> each.stream().filter(id -> !known.containsKey(id)).forEach(missing::add));
        if (missing.isEmpty()) return;
        h.createQuery("SELECT id, name FROM " + table + " WHERE id = ANY(:ids)").bindArray("ids", Long.class, missing)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).forEach(e -> known.put(e.getKey(), e.getValue()));
    }
}
