package broadsheet;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.head;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import broadsheet.api.ContentApi;
import broadsheet.api.SearchApi;
import broadsheet.comment.CommentMailPages;
import broadsheet.api.admin.AdminApiDocs;
import broadsheet.api.admin.AdminArticlesApi;
import broadsheet.api.admin.AdminImagesApi;
import broadsheet.api.admin.AdminWorkflowApi;
import broadsheet.article.ArticlePages;
import broadsheet.comment.CommentApi;
import broadsheet.comment.CommentPages;
import broadsheet.contributor.ContributorNewsroomPages;
import broadsheet.contributor.ContributorPages;
import broadsheet.media.MediaLibraryPages;
import broadsheet.media.MediaPages;
import broadsheet.moderation.ArticleCommentPages;
import broadsheet.moderation.ModerationPages;
import broadsheet.moderation.WordListPages;
import broadsheet.newsroom.AccountPages;
import broadsheet.editing.ArticleListPage;
import broadsheet.newsroom.AuditPages;
import broadsheet.editing.EditorPages;
import broadsheet.editing.PreviewPages;
import broadsheet.editing.RevisionPages;
import broadsheet.newsroom.SignInPages;
import broadsheet.newsroom.StaffPages;
import broadsheet.editing.SuggestPages;
import broadsheet.gift.GiftNewsroomPages;
import broadsheet.gift.GiftPages;
import broadsheet.newsroom.TokenPages;
import broadsheet.reader.ReaderAccountPages;
import broadsheet.reader.ReaderSignInPages;
import broadsheet.feed.FeedPages;
import broadsheet.search.SearchPages;
import broadsheet.section.FrontPagePages;
import broadsheet.section.FrontPages;
import broadsheet.section.SectionPages;
import broadsheet.settings.SettingsPages;
import broadsheet.sitemap.SitemapPages;
import broadsheet.sitepage.SitePagePages;
import broadsheet.topic.NewsroomTopicPages;
import broadsheet.topic.TopicPages;
import broadsheet.webhook.WebhookPages;
import broadsheet.subscription.PlanPages;
import broadsheet.subscription.ReaderPages;
import broadsheet.subscription.SubscribePages;
import broadsheet.web.Assets;
import broadsheet.web.HealthPages;
import broadsheet.web.Role;
import java.util.List;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;

/**
 * THE route table: every address the site answers, and who may use it. Reads like a sitemap.
 * Specific paths come before the section catch-alls, which match any first segment. Every page also
 * answers HEAD, with the same role.
 */
public final class Routes {
    /** The handlers the routes point at, built by the composition root. */
    public record Handlers(HealthPages health, Assets assets, MediaPages media, ContentApi api, FrontPages front,
                           TopicPages topics, ContributorPages contributors, ArticlePages articles,
                           AdminApi adminApi, Subscriptions subscriptions, Gifts gifts, Comments comments, FeedPages feeds,
                           SitemapPages sitemaps, Searching search, SitePagePages sitePages) {}

    /** Search: the page at {@code /search} and the Content API's {@code /api/v1/search}. */
    public record Searching(SearchPages pages, SearchApi api) {}

    /** Readers' comments: the thread's pages and forms, and its Content API answers. */
    public record Comments(CommentPages pages, CommentApi api) {}

    /** Plans, readers' access and payments: the newsroom's plan and reader pages, and the subscribe and payment pages. */
    public record Subscriptions(PlanPages plans, ReaderPages readers, SubscribePages subscribe) {}


    /** Gift links' handlers: the reader's own (making, My gifts), the gifted page, and the newsroom's list. */
    public record Gifts(GiftPages pages, GiftNewsroomPages newsroom) {}

    /** The newsroom's handlers. */
    public record Newsroom(SignInPages signIn, ArticleListPage list, EditorPages editor, PreviewPages preview, SuggestPages suggest,
                           StaffPages staff, AccountPages account, AuditPages audit, TokenPages tokens,
                           MediaLibraryPages media, RevisionPages revisions,
                           SectionPages sections, ContributorNewsroomPages contributors,
                           NewsroomTopicPages topics, SettingsPages settings, Moderation moderation,
                           WebhookPages webhooks, FrontPagePages frontPage) {}

    /** Comment moderation: the queues and their actions, the word lists, an article's comment controls. */
    public record Moderation(ModerationPages queues, WordListPages words, ArticleCommentPages articles) {}

    /** Readers' accounts: signing up, in and out, mailed links, the account page. */
    public record Readers(ReaderSignInPages signIn, ReaderAccountPages account, CommentMailPages commentMail) {}

    /** The Admin API's handlers (token routes: {@link Access} checks the bearer token's role). */
    public record AdminApi(AdminArticlesApi articles, AdminWorkflowApi workflow, AdminImagesApi images, AdminApiDocs docs) {}

    private Routes() {}

    /** A page or file: answers GET, and HEAD with the same role. */
    private static void read(String path, Handler handler, Role role) {
        get(path, handler, role);
        head(path, handler, role);
    }

    /**
     * The pages readers ask for most, registered first. Javalin tries a request's routes in the order they were
     * registered, so these are answered without trying the hundred-odd others; no other route matches a path of their
     * shapes (RouteOrderIT), so their place changes no answer. (Only {@code /assets/<name>} and {@code /media/<key>} could:
     * a file's name never ends in a slash, and such a path is refused as no article.)
     */
    public static final List<String> FIRST = List.of("/", "/{section}/{yyyy}/{mm}/{dd}/{slug}/");

    public static void register(JavalinConfig config, Handlers h, Newsroom n, Readers r) {
        config.routes.apiBuilder(() -> {
            read(FIRST.get(0), h.front()::home, Role.ANYONE);
            read(FIRST.get(1), h.articles()::show, Role.ANYONE);

            read("/account/signup", r.signIn()::signUpForm, Role.ANYONE);
            post("/account/signup", r.signIn()::signUp, Role.ANYONE);
            read("/account/signin", r.signIn()::signInForm, Role.ANYONE);
            post("/account/signin", r.signIn()::signIn, Role.ANYONE);
            post("/account/signin/link", r.signIn()::sendLink, Role.ANYONE);
            read("/account/link", r.signIn()::linkPage, Role.ANYONE);
            post("/account/link", r.signIn()::useLink, Role.ANYONE);
            read("/account/verify", r.signIn()::verifyPage, Role.ANYONE);
            post("/account/verify", r.signIn()::verify, Role.ANYONE);
            post("/account/verify/resend", r.signIn()::resendConfirmation, Role.ANYONE);
            read("/account/forgot", r.signIn()::forgotForm, Role.ANYONE);
            post("/account/forgot", r.signIn()::forgot, Role.ANYONE);
            read("/account/reset", r.signIn()::resetForm, Role.ANYONE);
            post("/account/reset", r.signIn()::reset, Role.ANYONE);
            read("/account/email/confirm", r.signIn()::emailConfirmPage, Role.ANYONE);
            post("/account/email/confirm", r.signIn()::confirmEmail, Role.ANYONE);
            post("/account/signout", r.signIn()::signOut, Role.READER);
            read("/account", r.account()::show, Role.READER);
            post("/account/email", r.account()::changeEmail, Role.READER);
            post("/account/password", r.account()::changePassword, Role.READER);
            read("/account/data.json", r.account()::download, Role.READER);
            post("/account/delete", r.account()::delete, Role.READER);
            post("/account/comment-mail", r.account()::choose, Role.READER);
            read("/account/comment-mail/off", r.commentMail()::offPage, Role.ANYONE);
            post("/account/comment-mail/off", r.commentMail()::off, Role.ANYONE);

            read("/newsroom/login", n.signIn()::loginForm, Role.ANYONE);
            post("/newsroom/login", n.signIn()::login, Role.ANYONE);
            read("/newsroom/login/code", n.signIn()::codeForm, Role.ANYONE);
            post("/newsroom/login/code", n.signIn()::code, Role.ANYONE);
            read("/newsroom/setup", n.signIn()::setupForm, Role.ANYONE);
            post("/newsroom/setup", n.signIn()::setup, Role.ANYONE);
            post("/newsroom/logout", n.signIn()::logout, Role.CONTRIBUTOR);

            read("/newsroom/", n.list()::show, Role.CONTRIBUTOR);
            read("/newsroom/articles/new", n.editor()::newForm, Role.CONTRIBUTOR);
            post("/newsroom/articles", n.editor()::create, Role.CONTRIBUTOR);
            read("/newsroom/articles/{id}", n.editor()::edit, Role.CONTRIBUTOR);
            post("/newsroom/articles/{id}/save", n.editor()::save, Role.CONTRIBUTOR);
            post("/newsroom/articles/{id}/submit", n.editor()::submit, Role.CONTRIBUTOR);
            post("/newsroom/articles/{id}/publish", n.editor()::publish, Role.EDITOR);
            post("/newsroom/articles/{id}/schedule", n.editor()::schedule, Role.EDITOR);
            post("/newsroom/articles/{id}/unpublish", n.editor()::unpublish, Role.EDITOR);
            post("/newsroom/articles/{id}/autosave", n.editor()::autosave, Role.CONTRIBUTOR);
            read("/newsroom/articles/{id}/preview", n.preview()::article, Role.CONTRIBUTOR);
            read("/newsroom/articles/{id}/revisions", n.revisions()::list, Role.CONTRIBUTOR);
            read("/newsroom/articles/{id}/revisions/compare", n.revisions()::compare, Role.CONTRIBUTOR);
            read("/newsroom/articles/{id}/revisions/{n}", n.revisions()::show, Role.CONTRIBUTOR);
            post("/newsroom/articles/{id}/revisions/{n}/restore", n.revisions()::restore, Role.CONTRIBUTOR);
            post("/newsroom/preview", n.preview()::body, Role.CONTRIBUTOR);
            read("/newsroom/preview/new", n.preview()::blank, Role.CONTRIBUTOR);
            read("/newsroom/suggest/topics", n.suggest()::topics, Role.CONTRIBUTOR);
            read("/newsroom/suggest/contributors", n.suggest()::contributors, Role.CONTRIBUTOR);
            read("/newsroom/tokens/", n.tokens()::list, Role.ADMIN);
            post("/newsroom/tokens", n.tokens()::create, Role.ADMIN);
            post("/newsroom/tokens/{id}/revoke", n.tokens()::revoke, Role.ADMIN);

            read("/newsroom/account", n.account()::show, Role.CONTRIBUTOR);
            post("/newsroom/account/password", n.account()::changePassword, Role.CONTRIBUTOR);
            post("/newsroom/account/two-factor", n.account()::startTwoFactor, Role.CONTRIBUTOR);
            read("/newsroom/account/two-factor", n.account()::enrolForm, Role.CONTRIBUTOR);
            post("/newsroom/account/two-factor/confirm", n.account()::confirmTwoFactor, Role.CONTRIBUTOR);
            post("/newsroom/account/two-factor/off", n.account()::turnOffTwoFactor, Role.CONTRIBUTOR);
            read("/newsroom/staff/", n.staff()::list, Role.ADMIN);
            post("/newsroom/staff/", n.staff()::create, Role.ADMIN);
            read("/newsroom/staff/new", n.staff()::newForm, Role.ADMIN);
            read("/newsroom/staff/{id}", n.staff()::member, Role.ADMIN);
            post("/newsroom/staff/{id}/role", n.staff()::changeRole, Role.ADMIN);
            post("/newsroom/staff/{id}/password", n.staff()::resetPassword, Role.ADMIN);
            post("/newsroom/staff/{id}/disable", n.staff()::disable, Role.ADMIN);
            post("/newsroom/staff/{id}/enable", n.staff()::enable, Role.ADMIN);
            post("/newsroom/staff/{id}/two-factor/off", n.staff()::turnOffTwoFactor, Role.ADMIN);
            read("/newsroom/audit/", n.audit()::show, Role.ADMIN);
            read("/newsroom/settings", n.settings()::show, Role.ADMIN);
            post("/newsroom/settings", n.settings()::save, Role.ADMIN);
            read("/newsroom/webhooks/", n.webhooks()::list, Role.ADMIN);
            read("/newsroom/webhooks", n.webhooks()::toList, Role.ADMIN);
            post("/newsroom/webhooks", n.webhooks()::create, Role.ADMIN);
            read("/newsroom/webhooks/new", n.webhooks()::newForm, Role.ADMIN);
            read("/newsroom/webhooks/{id}", n.webhooks()::endpoint, Role.ADMIN);
            post("/newsroom/webhooks/{id}", n.webhooks()::save, Role.ADMIN);
            post("/newsroom/webhooks/{id}/secret", n.webhooks()::rotateSecret, Role.ADMIN);
            post("/newsroom/webhooks/{id}/ping", n.webhooks()::ping, Role.ADMIN);
            read("/newsroom/webhooks/{id}/deliveries/{delivery}", n.webhooks()::delivery, Role.ADMIN);
            post("/newsroom/webhooks/{id}/deliveries/{delivery}/redeliver", n.webhooks()::redeliver, Role.ADMIN);

            var m = n.moderation();
            read("/newsroom/comments/", m.queues()::queue, Role.MODERATOR);
            post("/newsroom/comments/bulk", m.queues()::bulk, Role.MODERATOR);
            post("/newsroom/comments/{id}/approve", m.queues()::approve, Role.MODERATOR);
            post("/newsroom/comments/{id}/reject", m.queues()::reject, Role.MODERATOR);
            post("/newsroom/comments/{id}/feature", m.queues()::feature, Role.MODERATOR);
            post("/newsroom/comments/{id}/unfeature", m.queues()::unfeature, Role.MODERATOR);
            read("/newsroom/comments/words", m.words()::show, Role.MODERATOR);
            post("/newsroom/comments/words", m.words()::save, Role.MODERATOR);
            read("/newsroom/commenters/{readerId}", m.queues()::commenter, Role.MODERATOR);
            post("/newsroom/commenters/{readerId}/warn", m.queues()::warn, Role.MODERATOR);
            post("/newsroom/commenters/{readerId}/suspend", m.queues()::suspend, Role.MODERATOR);
            post("/newsroom/commenters/{readerId}/ban", m.queues()::ban, Role.MODERATOR);
            post("/newsroom/commenters/{readerId}/lift", m.queues()::lift, Role.MODERATOR);
            read("/newsroom/articles/{id}/comments", m.articles()::show, Role.MODERATOR);
            post("/newsroom/articles/{id}/comments", m.articles()::save, Role.MODERATOR);

            var s = h.subscriptions();
            read("/newsroom/plans/", s.plans()::list, Role.ADMIN);
            post("/newsroom/plans", s.plans()::create, Role.ADMIN);
            read("/newsroom/plans/{id}", s.plans()::edit, Role.ADMIN);
            post("/newsroom/plans/{id}", s.plans()::save, Role.ADMIN);
            post("/newsroom/plans/{id}/retire", s.plans()::retire, Role.ADMIN);
            post("/newsroom/plans/{id}/offer", s.plans()::offer, Role.ADMIN);
            read("/newsroom/readers/", s.readers()::list, Role.ADMIN);
            read("/newsroom/readers/{id}", s.readers()::show, Role.ADMIN);
            post("/newsroom/readers/{id}/complimentary", s.readers()::grantComplimentary, Role.ADMIN);
            post("/newsroom/readers/{id}/complimentary/{grant}/revoke", s.readers()::revokeComplimentary, Role.ADMIN);
            post("/newsroom/readers/{id}/subscriptions", s.readers()::grantSubscription, Role.ADMIN);
            post("/newsroom/readers/{id}/subscriptions/{subscription}/cancel", s.readers()::cancelSubscription, Role.ADMIN);
            read("/subscribe", s.subscribe()::show, Role.ANYONE);
            // reader forms: the handlers check the signed-in reader's own form token
            post("/subscribe/{planId}", s.subscribe()::subscribe, Role.ANYONE);
            read("/payments/return", s.subscribe()::returned, Role.ANYONE);
            post("/payments/portal", s.subscribe()::portal, Role.READER);
            // Stripe's webhook: the signature, not a session, says who is asking
            post("/payments/stripe/webhook", s.subscribe()::webhook, Role.ANYONE);
            read("/newsroom/gifts/", h.gifts().newsroom()::list, Role.ADMIN);
            post("/newsroom/gifts/{id}/revoke", h.gifts().newsroom()::revoke, Role.ADMIN);

            read("/newsroom/media/", n.media()::library, Role.CONTRIBUTOR);
            read("/newsroom/media", n.media()::toLibrary, Role.CONTRIBUTOR);
            post("/newsroom/media", n.media()::upload, Role.CONTRIBUTOR);
            read("/newsroom/media/search.json", n.media()::search, Role.CONTRIBUTOR);
            read("/newsroom/media/{id}", n.media()::picture, Role.CONTRIBUTOR);
            post("/newsroom/media/{id}", n.media()::update, Role.EDITOR);
            post("/newsroom/media/{id}/delete", n.media()::delete, Role.EDITOR);

            read("/newsroom/sections/", n.sections()::list, Role.EDITOR);
            read("/newsroom/sections", n.sections()::toList, Role.EDITOR);
            post("/newsroom/sections", n.sections()::create, Role.EDITOR);
            read("/newsroom/sections/{id}", n.sections()::edit, Role.EDITOR);
            post("/newsroom/sections/{id}", n.sections()::update, Role.EDITOR);
            post("/newsroom/sections/{id}/move", n.sections()::move, Role.EDITOR);
            post("/newsroom/sections/{id}/delete", n.sections()::delete, Role.EDITOR);

            read("/newsroom/front-page", n.frontPage()::show, Role.EDITOR);
            post("/newsroom/front-page/pick", n.frontPage()::pick, Role.EDITOR);
            post("/newsroom/front-page/clear", n.frontPage()::clear, Role.EDITOR);
            post("/newsroom/front-page/{id}/move", n.frontPage()::move, Role.EDITOR);
            post("/newsroom/front-page/{id}/remove", n.frontPage()::remove, Role.EDITOR);

            read("/newsroom/contributors/", n.contributors()::list, Role.EDITOR);
            read("/newsroom/contributors", n.contributors()::toList, Role.EDITOR);
            post("/newsroom/contributors", n.contributors()::create, Role.EDITOR);
            read("/newsroom/contributors/{id}", n.contributors()::edit, Role.EDITOR);
            post("/newsroom/contributors/{id}", n.contributors()::save, Role.EDITOR);
            post("/newsroom/contributors/{id}/delete", n.contributors()::delete, Role.EDITOR);
            post("/newsroom/contributors/{id}/link", n.contributors()::link, Role.EDITOR);
            post("/newsroom/contributors/{id}/unlink", n.contributors()::unlink, Role.EDITOR);

            read("/newsroom/topics/", n.topics()::list, Role.EDITOR);
            read("/newsroom/topics", n.topics()::toList, Role.EDITOR);
            post("/newsroom/topics", n.topics()::create, Role.EDITOR);
            read("/newsroom/topics/{id}", n.topics()::edit, Role.EDITOR);
            post("/newsroom/topics/{id}", n.topics()::save, Role.EDITOR);
            post("/newsroom/topics/{id}/merge", n.topics()::merge, Role.EDITOR);
            post("/newsroom/topics/{id}/delete", n.topics()::delete, Role.EDITOR);

            read("/newsroom/pages/", h.sitePages()::list, Role.EDITOR);
            read("/newsroom/pages/{slug}", h.sitePages()::edit, Role.EDITOR);
            post("/newsroom/pages/{slug}", h.sitePages()::save, Role.EDITOR);

            read("/healthz", h.health()::health, Role.ANYONE);
            read("/readyz", h.health()::ready, Role.ANYONE);
            read("/metrics", h.health()::metrics, Role.ANYONE);
            read("/robots.txt", h.sitemaps()::robots, Role.ANYONE);
            read("/sitemap.xml", h.sitemaps()::index, Role.ANYONE);
            read("/sitemaps/{file}", h.sitemaps()::file, Role.ANYONE);
            read("/sitemap-news.xml", h.sitemaps()::news, Role.ANYONE);
            read("/sitemap-news-{part}", h.sitemaps()::newsPart, Role.ANYONE);
            read("/assets/<name>", h.assets()::serve, Role.ANYONE);
            read("/favicon.ico", h.assets()::favicon, Role.ANYONE);
            read("/apple-touch-icon.png", h.assets()::touchIcon, Role.ANYONE);
            read("/manifest.webmanifest", h.assets()::manifest, Role.ANYONE);
            read("/media/<key>", h.media()::serve, Role.ANYONE);

            path("/api/admin/v1", () -> {
                read("/openapi.json", h.adminApi().docs()::openApi, Role.ANYONE);
                post("/articles", h.adminApi().articles()::create, Role.CONTRIBUTOR);
                read("/articles", h.adminApi().articles()::list, Role.CONTRIBUTOR);
                read("/articles/{id}", h.adminApi().articles()::show, Role.CONTRIBUTOR);
                put("/articles/{id}", h.adminApi().articles()::replace, Role.CONTRIBUTOR);
                post("/articles/{id}/submit", h.adminApi().workflow()::submit, Role.CONTRIBUTOR);
                post("/articles/{id}/publish", h.adminApi().workflow()::publish, Role.EDITOR);
                post("/articles/{id}/schedule", h.adminApi().workflow()::schedule, Role.EDITOR);
                post("/articles/{id}/unpublish", h.adminApi().workflow()::unpublish, Role.EDITOR);
                read("/articles/{id}/revisions", h.adminApi().articles()::revisions, Role.CONTRIBUTOR);
                read("/articles/{id}/revisions/{number}", h.adminApi().articles()::revision, Role.CONTRIBUTOR);
                post("/images", h.adminApi().images()::upload, Role.CONTRIBUTOR);
            });

            path("/api/v1", () -> {
                read("/articles", h.api()::articles, Role.ANYONE);
                read("/articles/{id}", h.api()::article, Role.ANYONE);
                read("/sections", h.api()::sections, Role.ANYONE);
                read("/topics", h.api()::topics, Role.ANYONE);
                read("/authors", h.api()::authors, Role.ANYONE);
                read("/articles/{id}/comments", h.comments().api()::thread, Role.ANYONE);
                read("/comment-counts", h.comments().api()::counts, Role.ANYONE);
                read("/search", h.search().api()::search, Role.ANYONE);
            });

            // the thread: public pages (a reader's are private), readers' forms (Role.READER checks their form token)
            read("/comments/{articleId}", h.comments().pages()::show, Role.ANYONE);
            post("/comments/{articleId}", h.comments().pages()::post, Role.READER);
            post("/comments/c/{id}/edit", h.comments().pages()::edit, Role.READER);
            post("/comments/c/{id}/delete", h.comments().pages()::delete, Role.READER);
            post("/comments/c/{id}/recommend", h.comments().pages()::recommend, Role.READER);
            post("/comments/c/{id}/report", h.comments().pages()::report, Role.READER);

            post("/gifts", h.gifts().pages()::give, Role.READER);
            read("/gift/{article}/{token}", h.gifts().pages()::show, Role.ANYONE);
            read("/account/gifts", h.gifts().pages()::mine, Role.READER);
            post("/account/gifts/{id}/revoke", h.gifts().pages()::revoke, Role.READER);

            // the feeds: before the pages and the section catch-alls
            read("/rss.xml", h.feeds()::siteRss, Role.ANYONE);
            read("/atom.xml", h.feeds()::siteAtom, Role.ANYONE);
            read("/topics/{slug}/rss.xml", h.feeds()::topicRss, Role.ANYONE);
            read("/topics/{slug}/atom.xml", h.feeds()::topicAtom, Role.ANYONE);
            read("/authors/{slug}/rss.xml", h.feeds()::authorRss, Role.ANYONE);
            read("/authors/{slug}/atom.xml", h.feeds()::authorAtom, Role.ANYONE);
            read("/{section}/rss.xml", h.feeds()::sectionRss, Role.ANYONE);
            read("/{section}/atom.xml", h.feeds()::sectionAtom, Role.ANYONE);

            read("/search", h.search().pages()::show, Role.ANYONE);
            read("/topics/", h.topics()::index, Role.ANYONE);
            read("/topics/{slug}/", h.topics()::show, Role.ANYONE);
            read("/authors/", h.contributors()::index, Role.ANYONE);
            read("/authors/{slug}/", h.contributors()::show, Role.ANYONE);

            // the paper's own pages: two segments, so no section's page (/{section}/) can stand in their way
            read("/info/{slug}/", h.sitePages()::show, Role.ANYONE);

            read("/{section}/", h.front()::section, Role.ANYONE);
        });
    }
}
