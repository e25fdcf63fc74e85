package broadsheet;

import broadsheet.account.ApiTokens;
import broadsheet.shared.AuditLog;
import broadsheet.shared.Futures;
import broadsheet.shared.UntilChanged;
import broadsheet.account.OwnAccount;
import broadsheet.account.Passwords;
import broadsheet.account.Sessions;
import broadsheet.account.SetupToken;
import broadsheet.account.SignIn;
import broadsheet.account.SignInThrottle;
import broadsheet.account.StaffAccounts;
import broadsheet.account.StaffStore;
import broadsheet.api.ContentApi;
import broadsheet.api.SearchApi;
import broadsheet.api.admin.AdminApiDocs;
import broadsheet.api.admin.AdminArticlesApi;
import broadsheet.api.admin.AdminImagesApi;
import broadsheet.api.admin.AdminWorkflowApi;
import broadsheet.article.ArticleDetail;
import broadsheet.article.ArticlePages;
import broadsheet.article.ArticleQueries;
import broadsheet.article.ListingPages;
import broadsheet.cdn.PurgeClient;
import broadsheet.cdn.PurgeOutbox;
import broadsheet.cdn.PurgeWorker;
import broadsheet.comment.CommentApi;
import broadsheet.comment.CommentEvents;
import broadsheet.comment.CommentNotices;
import broadsheet.comment.CommentPages;
import broadsheet.comment.CommentPosting;
import broadsheet.comment.CommentStore;
import broadsheet.contributor.ContributorEditing;
import broadsheet.contributor.ContributorNewsroomPages;
import broadsheet.contributor.ContributorPages;
import broadsheet.contributor.ContributorStore;
import broadsheet.media.ImageStore;
import broadsheet.newsroom.AccountPages;
import broadsheet.moderation.ArticleCommentPages;
import broadsheet.moderation.ArticleComments;
import broadsheet.moderation.Moderation;
import broadsheet.moderation.ModerationPages;
import broadsheet.moderation.ModerationQueries;
import broadsheet.moderation.Pipeline;
import broadsheet.moderation.WordListPages;
import broadsheet.moderation.WordLists;
import broadsheet.media.LibraryStore;
import broadsheet.media.MediaLibrary;
import broadsheet.media.MediaLibraryPages;
import broadsheet.media.MediaPages;
import broadsheet.media.PictureDeletion;
import broadsheet.media.PictureWords;
import broadsheet.media.Uploads;
import broadsheet.editing.ArticleEditing;
import broadsheet.editing.ArticleListPage;
import broadsheet.newsroom.AuditPages;
import broadsheet.editing.EditorPages;
import broadsheet.newsroom.Frames;
import broadsheet.editing.NewsroomQueries;
import broadsheet.editing.PreviewPages;
import broadsheet.editing.PictureRemoval;
import broadsheet.editing.Publishing;
import broadsheet.editing.RevisionPages;
import broadsheet.editing.Revisions;
import broadsheet.newsroom.SignInPages;
import broadsheet.newsroom.StaffPages;
import broadsheet.editing.SuggestPages;
import broadsheet.gift.GiftLinks;
import broadsheet.gift.GiftNewsroomPages;
import broadsheet.gift.GiftPages;
import broadsheet.gift.GiftRules;
import broadsheet.subscription.MeterCookie;
import broadsheet.subscription.Paywall;
import broadsheet.newsroom.TokenPages;
import broadsheet.comment.CommentMailChoices;
import broadsheet.comment.CommentMailPages;
import broadsheet.comment.CommentMailTokens;
import broadsheet.comment.CommentMails;
import broadsheet.comment.ReaderComments;
import broadsheet.mail.Mailer;
import broadsheet.reader.ReaderAccountPages;
import broadsheet.reader.ReaderAccounts;
import broadsheet.reader.ReaderChoice;
import broadsheet.reader.ReaderData;
import broadsheet.reader.ReaderSessions;
import broadsheet.reader.ReaderSignInPages;
import broadsheet.reader.ReaderStore;
import broadsheet.reader.ReaderTokens;
import broadsheet.feed.FeedPages;
import broadsheet.search.Search;
import broadsheet.search.SearchEngine;
import broadsheet.search.SearchForm;
import broadsheet.search.SearchPages;
import broadsheet.section.FrontArrangement;
import broadsheet.section.FrontPagePages;
import broadsheet.section.FrontPages;
import broadsheet.section.SectionChanges;
import broadsheet.section.SectionPages;
import broadsheet.content.Section;
import broadsheet.section.SectionMenu;
import broadsheet.section.SectionStore;
import broadsheet.settings.CommentSettings;
import broadsheet.settings.ReaderSettings;
import broadsheet.settings.Settings;
import broadsheet.subscription.Plan;
import broadsheet.subscription.PlanOffer;
import broadsheet.settings.SettingsPages;
import broadsheet.sitemap.SitemapPages;
import broadsheet.sitemap.SitemapStore;
import broadsheet.settings.SettingsStore;
import broadsheet.settings.SiteSettings;
import broadsheet.subscription.Entitlements;
import broadsheet.subscription.Grants;
import broadsheet.subscription.PaymentProvider;
import broadsheet.subscription.PlanPages;
import broadsheet.subscription.Plans;
import broadsheet.subscription.ReaderDirectory;
import broadsheet.subscription.ReaderPages;
import broadsheet.subscription.StripeEvents;
import broadsheet.subscription.StripePayments;
import broadsheet.subscription.SubscribePages;
import broadsheet.storage.BlobStore;
import broadsheet.sitepage.SitePage;
import broadsheet.sitepage.SitePageMenu;
import broadsheet.sitepage.SitePagePages;
import broadsheet.sitepage.SitePageStore;
import broadsheet.storage.ChangeFeed;
import broadsheet.storage.Database;
import broadsheet.storage.LocalBlobStore;
import broadsheet.storage.ServerSecrets;
import broadsheet.topic.NewsroomTopicPages;
import broadsheet.topic.TopicEditing;
import broadsheet.topic.TopicListing;
import broadsheet.topic.TopicMerge;
import broadsheet.topic.TopicPages;
import broadsheet.topic.TopicStore;
import broadsheet.web.Access;
import broadsheet.web.Visitor;
import broadsheet.webhook.Deliveries;
import broadsheet.webhook.Endpoints;
import broadsheet.webhook.Payloads;
import broadsheet.webhook.WebhookPages;
import broadsheet.webhook.WebhookWorker;
import broadsheet.web.Assets;
import broadsheet.web.ErrorPages;
import broadsheet.web.FormTokens;
import broadsheet.web.HealthPages;
import broadsheet.web.PageCache;
import broadsheet.web.ReaderAccess;
import broadsheet.web.Pages;
import broadsheet.web.Site;
import broadsheet.web.SiteInfo;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiPredicate;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: configuration, then the database, stores, services and web, in that order.
 * {@code main} and the tests build the same App; the tests hand it a fixed clock and their own database.
 */
public final class App implements AutoCloseable {
    private final Config config;
    private final Clock clock;
    private final Database database;
    private final BlobStore blobs;
    private final Javalin server;
    private final JvmGcMetrics gcMetrics;
    private static final Logger log = LoggerFactory.getLogger(App.class);
    /** How many articles, as read by address, are kept for signed-in readers' pages (about 10 KB each). */
    private static final int KEPT_ARTICLES = 500;
    private final PageCache pageCache;
    private final Runnable contentChanged;
    private final LongConsumer threadChanged;
    private final Supplier<String> siteName;
    private final SetupToken setupToken;
    private final NewsroomJobs jobs;
    /** Comments, whose missing HTML {@link #start} makes in the background. */
    private final CommentStore commentStore;
    /** The media library, whose pictures stored before a rendition width was added get it from {@link #start}. */
    private final MediaLibrary media;
    private final ChangeFeed changes;
    private final Uploads uploads;
    private final CommentEvents commentEvents;
    private final WebhookWorker webhooks;
    private final SearchEngine search;
    private final HealthPages health;
    /** The CDN purge sender; null when no CDN is configured. */
    private final PurgeWorker purges;
    private final PrometheusMeterRegistry registry;
    private boolean started;
    private boolean borrowed;

    /**
     * What {@link App}'s constructor is given already begun: the metrics registry, the settings, and two parts made on a
     * thread of their own while the rest is built (a start has two or so cores, and the database's opening mostly waits),
     * as they need nothing built after them: the JVM's figures in the registry (their classes and the management beans)
     * and this instance's search index, following the database through the search outbox (Lucene's codecs, the index's
     * files); then what the web server's start needs ({@link Server#prepare}). Sampled on the main thread before, they were
     * over a third of its time from the command to the first answer (opening the index most, the JVM's figures least).
     */
    private record Begun(PrometheusMeterRegistry registry, JvmGcMetrics gcMetrics, SettingsStore settingsStore, Settings settings,
                         CompletableFuture<SearchEngine> search) {
        static Begun begin(Config config, Clock clock, Database database) {
            var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            var gcMetrics = new JvmGcMetrics();
            var jdbi = database.jdbi();
            var settingsStore = new SettingsStore(jdbi);
            var settings = new Settings(settingsStore);
            CompletableFuture<SearchEngine> search = new CompletableFuture<>();
            Thread.ofPlatform().name("app-alongside").start(() -> {
                try {
                    new JvmMemoryMetrics().bindTo(registry);
                    new JvmThreadMetrics().bindTo(registry);
                    new ProcessorMetrics().bindTo(registry);
                    gcMetrics.bindTo(registry);
                    search.complete(SearchEngine.open(SearchEngine.folder(config.dataDir()), jdbi, config.zone(), clock,
                            () -> settings.current().search()));
                    Server.prepare(); // needed later, when the server starts
                } catch (Throwable e) {
                    search.completeExceptionally(e);
                }
            });
            return new Begun(registry, gcMetrics, settingsStore, settings, search);
        }

        /** The search index, waiting for it; throws what opening it (or binding the JVM's figures) threw. */
        SearchEngine searchEngine() {
            return Futures.join(search);
        }
    }

    /** Builds the app on what {@link Begun#begin} began; when building fails, the search index is closed once it opens. */
    private static App build(Config config, Clock clock, Database database) {
        Begun begun = Begun.begin(config, clock, database);
        try {
            return new App(config, clock, database, begun);
        } catch (RuntimeException | Error e) {
            begun.search().thenAccept(SearchEngine::close);
            throw e;
        }
    }

    private App(Config config, Clock clock, Database database, Begun begun) {
        this.config = config;
        this.clock = clock;
        this.database = database;
        this.blobs = new LocalBlobStore(config.mediaDir());

        var registry = begun.registry();
        this.gcMetrics = begun.gcMetrics();

        var jdbi = database.jdbi();
        var sections = new SectionStore(jdbi);
        var topics = new TopicStore(jdbi);
        var contributors = new ContributorStore(jdbi);
        var articles = new ArticleQueries(jdbi);
        var images = new ImageStore(jdbi);
        var media = new MediaLibrary(blobs);
        this.media = media;
        media.settleLeftovers(jdbi); // pictures staged by an import or upload that was killed before it finished
        this.uploads = new Uploads(jdbi, media, config.uploadMegabytes() * 1024L * 1024);

        this.pageCache = new PageCache(config.pageCacheMegabytes(), clock, config.zone());
        var pages = new Pages(pageCache);
        var settingsStore = begun.settingsStore();
        var settings = begun.settings();
        var menu = new SectionMenu(sections);
        var sitePageStore = new SitePageStore(jdbi);
        var sitePageMenu = new SitePageMenu(sitePageStore);
        var siteInfo = new SiteInfo(config.baseUrl(), config.zone(), Assets.link("site.css"),
                () -> paper(settings.current(), menu.all(), sitePageMenu.all(), config.siteName()),
                () -> paper(settings.lastKnown(), menu.lastKnown(), sitePageMenu.lastKnown(), config.siteName()));
        this.siteName = siteInfo::name;
        var assets = new Assets(siteInfo::name);
        var listings = new ListingPages(articles, pages, siteInfo);
        // the articles as read by address, for pages the page cache may not keep (a signed-in reader's): emptied with it
        var articleDetails = new UntilChanged<String, ArticleDetail>(config.pageCacheMegabytes() > 0 ? KEPT_ARTICLES : 0);
        var fronts = new FrontPages(articles, sections, menu, listings, pages, siteInfo, clock, config.pageCacheMegabytes() > 0);
        var wordLists = new WordLists(jdbi, clock);
        var feeds = new FeedPages(jdbi, sections, topics, contributors, () -> settings.current().feedsFullText(), pages, siteInfo,
                config.pageCacheMegabytes() > 0);
        // what a change on any instance empties; the instance that made a change runs it at once as well
        // the pages last: a page rendered from what was kept before (or while) the rest was emptied is not kept
        this.contentChanged = () -> {
            feeds.changed();
            fronts.changed();
            articleDetails.clear();
            menu.refresh();
            sitePageMenu.refresh();
            settings.refresh();
            wordLists.refresh();
            pageCache.clear();
        };

        var passwords = new Passwords();
        var staff = new StaffStore(jdbi);
        var sessions = new Sessions(jdbi, () -> settings.current().sessionIdle());
        var tokens = new ApiTokens(jdbi);
        var access = new Access(visitors(sessions, tokens), () -> settings.current().requireTwoFactor(), clock);
        var audit = new AuditLog(jdbi);
        var accounts = new StaffAccounts(jdbi, passwords, sessions);
        this.setupToken = new SetupToken(jdbi, staff);
        var throttle = new SignInThrottle(jdbi);
        var signIn = new SignIn(jdbi, staff, sessions, throttle, passwords);
        var secrets = new ServerSecrets(jdbi);
        var formTokens = new FormTokens(() -> secrets.get("form-tokens"));
        var mailer = Mailer.of(config.smtp(), config.dataDir());
        var commentMailTokens = new CommentMailTokens(() -> secrets.get("comment-mail"));
        // the reply and pick mails: posting and moderation tell them when a comment goes up or is picked
        this.commentEvents = new CommentMails(jdbi, mailer, commentMailTokens, config.baseUrl(), siteInfo::name);
        var editing = new ArticleEditing(jdbi, config.zone());
        var pictureUses = new PictureRemoval();
        var publishing = new Publishing(jdbi, config.zone());
        var webhookDeliveries = new Deliveries(jdbi);
        // the sender on this instance: what publishing and moderation queue (in their own transactions) goes out from here
        this.webhooks = new WebhookWorker(webhookDeliveries, new Payloads(articles, new CommentStore(jdbi), config.baseUrl()),
                new WebhookWorker.Settings(Duration.ofSeconds(config.webhooks().retrySeconds()),
                        Duration.ofSeconds(config.webhooks().timeoutSeconds()), config.webhooks().keepDays()), clock);
        var moderationQueries = new ModerationQueries(jdbi);
        var moderation = new Moderation(jdbi, commentEvents);
        var frames = new Frames(siteInfo::name, assets.url("newsroom.css"), assets.url("newsroom.js"), moderationQueries::pending);
        var editor = new EditorPages(editing, publishing, sections, images, settings::current, frames, pages, clock, config.zone());
        var newsroom = new Routes.Newsroom(
                new SignInPages(signIn, formTokens, sessions, setupToken, accounts, audit, frames, pages, clock),
                new ArticleListPage(new NewsroomQueries(jdbi), sections, topics, contributors, frames, pages, config.zone()),
                editor,
                new PreviewPages(editing, articles, jdbi, siteInfo, pages, clock, assets.url("preview.css"), sections),
                new SuggestPages(jdbi),
                new StaffPages(accounts, staff, frames, pages, clock, config.zone()),
                new AccountPages(new OwnAccount(jdbi, staff, accounts, passwords, throttle), sessions, access::mustSetUpTwoFactor,
                        frames, pages, clock),
                new AuditPages(audit, frames, pages, config.zone()),
                new TokenPages(tokens, frames, pages, clock, config.zone()),
                new MediaLibraryPages(new LibraryStore(jdbi), uploads, new PictureWords(jdbi, pictureUses), new PictureDeletion(jdbi, blobs, pictureUses), blobs,
                        frames, pages, clock, config.zone()),
                new RevisionPages(editing, new Revisions(jdbi), editor, frames, pages, clock, config.zone()),
                new SectionPages(sections, new SectionChanges(jdbi), contentChanged, frames, pages, clock),
                new ContributorNewsroomPages(contributors, new ContributorEditing(jdbi), images, contentChanged, frames, pages, clock),
                new NewsroomTopicPages(new TopicListing(jdbi), new TopicEditing(jdbi), new TopicMerge(jdbi), contentChanged, frames, pages,
                        clock, config.zone()),
                new SettingsPages(settingsStore, config.siteName(), contentChanged, frames, pages, clock),
                new Routes.Moderation(
                        new ModerationPages(moderationQueries, moderation, frames, pages, clock,
                                config.zone(), assets.url("moderation.js")),
                        new WordListPages(wordLists, frames, pages, clock),
                        new ArticleCommentPages(new ArticleComments(jdbi), () -> settings.current().comments(), frames, pages, clock)),
                new WebhookPages(new Endpoints(jdbi), webhookDeliveries, frames, pages, clock, config.zone()),
                new FrontPagePages(new FrontArrangement(jdbi), contentChanged, frames, pages, clock, config.zone()));
        var adminApi = new Routes.AdminApi(
                new AdminArticlesApi(editing, new Revisions(jdbi), jdbi, siteInfo, settings::current, clock),
                new AdminWorkflowApi(publishing, editing, siteInfo, clock),
                new AdminImagesApi(uploads, images, siteInfo, clock),
                new AdminApiDocs(pages));

        var planStore = new Plans(jdbi);
        var entitlements = new Entitlements(jdbi, config.zone());
        Optional<PaymentProvider> payments = config.stripe().enabled()
                ? Optional.of(new StripePayments(config.stripe().secretKey(), config.stripe().apiBase())) : Optional.empty();
        var subscriptions = new Routes.Subscriptions(
                new PlanPages(planStore, config.stripe().enabled(), contentChanged, frames, pages, clock),
                new ReaderPages(new ReaderDirectory(jdbi), new Grants(jdbi, config.zone()), entitlements, planStore, frames, pages, clock, config.zone()),
                new SubscribePages(planStore, entitlements, payments, new StripeEvents(jdbi, config.stripe().webhookSecret(), clock), siteInfo,
                        pages, clock));
        var readerStore = new ReaderStore(jdbi);
        var readerSessions = new ReaderSessions(jdbi);
        var readerTokens = new ReaderTokens(jdbi);
        this.jobs = new NewsroomJobs(publishing, sessions, now -> {
            readerSessions.sweep(now);
            readerTokens.sweep(now);
        }, clock);
        var readerAccounts = new ReaderAccounts(readerStore, readerSessions, readerTokens, passwords,
                new SignInThrottle(jdbi, ReaderAccounts.SIGN_IN), new SignInThrottle(jdbi, ReaderAccounts.MAILS),
                Mailer.inBackground(mailer), config.baseUrl(), siteInfo::name, ReaderComments::beforeDeletion);
        var commentMailChoices = new CommentMailChoices(jdbi);
        BiPredicate<Long, Instant> entitled = entitlements::entitled;
        Supplier<List<PlanOffer>> plans = () -> planStore.active().stream().map(Plan::offer).toList();
        var paywall = new Paywall(jdbi, () -> paywallRules(settings.current().readers()), entitled,
                new MeterCookie(() -> secrets.get("meter-cookie")), config.zone());
        var giftLinks = new GiftLinks(jdbi, () -> giftRules(settings.current().readers()), entitled, config.zone());
        Supplier<CommentSettings> commentRules = () -> settings.current().comments();
        var commentStore = new CommentStore(jdbi);
        this.commentStore = commentStore;
        // a thread's change empties only its article's cached pages, on this instance now and on the others by the change feed
        this.threadChanged = id -> {
            List<String> paths = commentStore.cachedPaths(id);
            articleDetails.forget(paths); // its comment count
            pageCache.evict(paths);
        };
        var commentPosting = new CommentPosting(jdbi, commentRules, entitled, new Pipeline(wordLists, config.zone()), commentEvents);
        var commentPages = new CommentPages(commentStore, commentPosting, commentRules, pages, siteInfo, threadChanged, clock);
        var articlePages = new ArticlePages(articles, pages, siteInfo, paywall, plans, giftLinks, clock, commentPages, articleDetails);
        var giftPages = new GiftPages(giftLinks, articles, articlePages, paywall, pages, siteInfo, clock);
        var gifts = new Routes.Gifts(giftPages, new GiftNewsroomPages(giftLinks, frames, pages, clock, config.zone()));
        // each feature that keeps something about a reader adds its part of "download my data" here
        var readerDirectory = new ReaderDirectory(jdbi);
        var readerData = new ReaderData(readerSessions, List.of(
                ReaderData.Section.of("subscriptions", id -> readerDirectory.subscriptions(id)),
                ReaderData.Section.of("complimentaryAccess", id -> readerDirectory.grants(id)),
                ReaderData.Section.of("gifts", id -> giftLinks.of(id, clock.instant()).stream().map(g -> Map.of(
                        "article", g.articlePath(), "headline", g.headline(), "link", g.gift().path(),
                        "createdAt", g.gift().createdAt().toString(), "expiresAt", g.gift().expiresAt().toString(),
                        "readers", g.readers())).toList()),
                ReaderData.Section.of("comments", new ReaderComments(jdbi)::of)));
        var readers = new Routes.Readers(
                new ReaderSignInPages(readerAccounts, readerSessions, formTokens, siteInfo, pages, clock, giftPages::afterSignUp),
                new ReaderAccountPages(readerAccounts, readerStore, readerSessions, readerData, siteInfo, pages, clock, config.zone(),
                        entitlements::describe, List.of(new ReaderChoice("comment-mail", "Mail about your comments",
                                "Email me when someone replies to my comments or the newsroom picks one", commentMailChoices::wanted,
                                commentMailChoices::set))),
                new CommentMailPages(commentMailTokens, commentMailChoices, formTokens, siteInfo, pages));

        this.health = new HealthPages(database, registry, config.metricsToken());
        this.purges = config.cdn().enabled() ? purgeWorker(config.cdn(), jdbi, registry) : null;
        // this instance's search index (opened alongside), following the database through the search outbox
        this.search = begun.searchEngine();
        var handlers = new Routes.Handlers(
                health,
                assets,
                new MediaPages(blobs),
                new ContentApi(articles, sections, topics, contributors, siteInfo, pages, paywall),
                fronts,
                new TopicPages(topics, listings, pages, siteInfo),
                new ContributorPages(contributors, images, listings, pages, siteInfo),
                articlePages,
                adminApi, subscriptions, gifts,
                new Routes.Comments(commentPages, new CommentApi(commentStore, commentRules, pages, siteInfo, clock)),
                feeds,
                new SitemapPages(new SitemapStore(jdbi), sections, topics, contributors, images, siteInfo, clock),
                searching(search, new SearchForm(topics, contributors), paywall, pages, siteInfo, clock),
                new SitePagePages(sitePageStore, sitePageMenu, contentChanged, siteInfo, frames, pages, clock));
        this.server = Server.create(config, handlers, newsroom, readers, new ErrorPages(siteInfo), pageCache,
                access, new ReaderAccess(ReaderSignInPages.lookup(readerSessions), clock), registry);
        this.changes = ChangeFeed.listen(database, what -> {
            try {
                search.changed();
                if (!what.equals("search")) CommentNotices.article(what).ifPresentOrElse(threadChanged, contentChanged);
            } finally {
                // whatever changed, its purges (queued in the same transaction) are ready to go, now that this instance
                // no longer keeps what they take out of the CDN
                if (purges != null) purges.wake();
            }
        });
        // what an operator watches beyond requests and the JVM: each figure is kept where it happens (README, "Metrics")
        this.registry = registry;
        database.bindPoolMetrics(registry);
        List.<MeterBinder>of(pageCache, changes, jobs, webhooks, throttle, readerAccounts, commentPosting, moderation, giftLinks, search)
                .forEach(figures -> figures.bindTo(registry));
    }

    /** The sender of CDN purges for the configured endpoints. */
    private static PurgeWorker purgeWorker(Config.Cdn cdn, org.jdbi.v3.core.Jdbi jdbi, io.micrometer.core.instrument.MeterRegistry registry) {
        Duration timeout = Duration.ofMillis(cdn.timeoutMs());
        var kind = cdn.kind().equals("fastly") ? PurgeClient.Kind.FASTLY : PurgeClient.Kind.VARNISH;
        return new PurgeWorker(new PurgeOutbox(jdbi), new PurgeClient(new PurgeClient.Settings(kind, cdn.urls(), cdn.token(), timeout)),
                timeout, Duration.ofSeconds(1), Duration.ofMillis(cdn.resendMs()), registry);
    }

    /** The search page and the Content API's search, in front of the index. */
    private static Routes.Searching searching(Search search, SearchForm form, Paywall paywall, Pages pages, SiteInfo siteInfo, Clock clock) {
        return new Routes.Searching(new SearchPages(search, form, paywall, pages, siteInfo, clock), new SearchApi(search, form, paywall, siteInfo));
    }

    /** The paper as its settings and sections have it: the configured name until the newsroom sets one. */
    private static SiteInfo.Paper paper(SiteSettings settings, List<Section> sections, List<SitePage> pages, String configuredName) {
        return new SiteInfo.Paper(settings.nameOr(configuredName), settings.tagline(),
                sections.stream().map(s -> new Site.NavLink(s.slug(), s.name())).toList(),
                pages.stream().map(p -> new Site.PageLink(p.kind().slug(), p.title())).toList());
    }

    private static Paywall.Rules paywallRules(ReaderSettings r) {
        return new Paywall.Rules(r.previewParagraphs(), r.anonymousMeter(), r.registeredMeter());
    }

    private static GiftRules giftRules(ReaderSettings r) {
        return new GiftRules(r.giftsPerMonth(), r.giftExpiryDays(), r.giftReaderCap());
    }

    /** Who a session cookie or a bearer token is, as the access check asks: the staff accounts answer. */
    private static Visitor.Lookup visitors(Sessions sessions, ApiTokens tokens) {
        return new Visitor.Lookup() {
            @Override
            public Optional<Visitor.SignedIn> session(String cookie, Instant now) {
                // half signed in (the code still to come) is not signed in
                return sessions.find(cookie, now).filter(s -> !s.pendingTotp()).map(s -> new Visitor.SignedIn(s.staff(), s.csrfToken()));
            }

            @Override
            public Optional<Visitor.Token> token(String bearer, Instant now) {
                return tokens.find(bearer, now).map(t -> new Visitor.Token(t.id(), t.name(), t.role()));
            }
        };
    }

    /**
     * Opens the configured database (migrating it) and builds the app; nothing listens until {@link #start}, which
     * waits for the database and throws what opening it threw. {@link #database()}{@code .awaitOpen()} waits without
     * starting.
     */
    public static App create(Config config, Clock clock) {
        // the database opens on a thread of its own (an embedded PostgreSQL's start is mostly waiting) while the app is
        // built on it here, and its web server started by start(): nothing built queries it until the first use of a
        // connection, which waits for the opening
        Database database = config.openingDatabase();
        try {
            return build(config, clock, database);
        } catch (RuntimeException e) {
            database.awaitOpen(); // its failure, when it failed, is the reason: a query's is only its consequence
            database.close();
            throw e;
        }
    }

    /** Builds the app on a database the caller owns (tests); closing the app leaves the database open. */
    public static App onDatabase(Config config, Clock clock, Database database) {
        App app = build(config, clock, database);
        app.borrowed = true;
        return app;
    }

    public App start() {
        // listening while the database may still be opening: a request meanwhile waits for it, as every query does
        server.start();
        try {
            database.awaitOpen();
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        jobs.start(15);
        webhooks.start(Duration.ofSeconds(2));
        if (purges != null) purges.start(Duration.ofSeconds(1));
        // comments written before their HTML was kept: made in the background, so a server whose database is not yet
        // reachable still starts (a comment without its HTML has it made as it is shown)
        Thread.ofVirtual().name("comment-html").start(() -> {
            try {
                int made = commentStore.makeMissingHtml();
                if (made > 0) log.info("Made the HTML of {} comments", made);
            } catch (RuntimeException e) {
                log.warn("Could not make the HTML of older comments now (each is made as it is shown): {}", e.getMessage());
            }
        });
        // pictures stored before a rendition width was added: their pages list it once it is made, on every instance
        Thread.ofVirtual().name("renditions").start(() -> {
            try {
                if (media.addMissingRenditions(database.jdbi()) > 0) {
                    database.jdbi().useHandle(h -> ChangeFeed.announce(h, "renditions of older pictures"));
                }
            } catch (RuntimeException e) {
                log.warn("Could not make the missing renditions of older pictures now: {}", e.getMessage());
            }
        });
        started = true;
        try {
            RunningServer.record(config.dataDir(), address());
        } catch (IOException | RuntimeException e) {
            log.warn("Could not note this server's address in {}: {}", config.dataDir(), e.getMessage());
        }
        try {
            setupToken.current(clock.instant()).ifPresent(token -> log.info(
                    "No admin account yet. Create one with: ./broadsheet admin create --data {} --email you@example.com, or open {}/newsroom/setup?token={}",
                    config.dataDir(), address(), token));
        } catch (RuntimeException e) {
            log.warn("Could not check for an admin account: {}", e.getMessage());
        }
        return this;
    }

    /** The port the server listens on (the one the system chose, when the configured port is 0). */
    public int port() {
        return server.port();
    }

    /**
     * Where people reach this started server: the configured base URL, or when none is configured, this
     * machine at the port the server actually listens on.
     */
    public String address() {
        return config.baseUrl().equals("http://localhost:" + config.port()) ? localAddress() : config.baseUrl();
    }

    /** This started server as a person at this machine reaches it, at the port it actually listens on. */
    public String localAddress() {
        boolean anyOrLoopback = config.host().equals("0.0.0.0") || config.host().equals("127.0.0.1");
        return "http://" + (anyOrLoopback ? "localhost" : config.host()) + ":" + port();
    }

    public Config config() {
        return config;
    }

    /** The paper's name in effect: the newsroom's setting, or the configured one. */
    public String siteName() {
        return siteName.get();
    }

    /** What happens when a comment goes up or is picked: the commenters' mails. */
    public CommentEvents commentEvents() {
        return commentEvents;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    /** Empties this instance's caches now (other instances hear of changes through the change feed). */
    public void contentChanged() {
        contentChanged.run();
    }

    /** Search over this instance's index (the search page and the Content API ask it). */
    public SearchEngine search() {
        return search;
    }

    public BlobStore blobs() {
        return blobs;
    }

    /** Picture uploads, with their turns (tests take them all to see an upload refused as busy). */
    public Uploads uploads() {
        return uploads;
    }

    /** Every route the server answers, as "METHOD /path", for tests that hold the documentation to the route table. */
    public List<String> routes() {
        return server.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path).toList();
    }

    /** The CDN purge sender, when a CDN is configured (tests run it to the end rather than wait for its turn). */
    public Optional<PurgeWorker> purges() {
        return Optional.ofNullable(purges);
    }

    /**
     * Stops gracefully: {@code /readyz} answers 503 for the configured drain time while everything is still served
     * (so a load balancer stops sending here), then the server stops accepting and finishes the requests in flight
     * (up to the configured timeout), then the background workers stop, and last the database pool closes.
     */
    @Override
    public void close() {
        if (started) {
            String address = address();
            health.stopping();
            int drain = config.shutdown().drainSeconds();
            if (drain > 0) {
                log.info("Stopping: /readyz answers 503; still serving for {} s", drain);
                try {
                    Thread.sleep(drain * 1000L);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            server.stop();
            try {
                RunningServer.forget(config.dataDir(), address);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not remove this server's address from {}: {}", config.dataDir(), e.getMessage());
            }
        }
        jobs.close();
        webhooks.close();
        if (purges != null) purges.close();
        changes.close();
        search.close();
        gcMetrics.close();
        database.unbindPoolMetrics(registry);
        if (!borrowed) database.close();
    }
}
