package broadsheet.web;

import static io.javalin.apibuilder.ApiBuilder.path;

import broadsheet.api.ContentApi;
import broadsheet.article.ArticlePages;
import broadsheet.contributor.ContributorPages;
import broadsheet.media.MediaPages;
import broadsheet.section.FrontPages;
import broadsheet.topic.TopicPages;
import io.javalin.apibuilder.ApiBuilder;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;

/**
 * THE route table: every address the site answers, and who may use it. Reads like a sitemap.
 * Specific paths come before the section catch-alls, which match any first segment.
 */
public final class Routes {
    /** The handlers the routes point at, built by the composition root. */
    public record Handlers(HealthPages health, Assets assets, MediaPages media, ContentApi api, FrontPages front,
                           TopicPages topics, ContributorPages contributors, ArticlePages articles) {}

    private Routes() {}

    public static void register(JavalinConfig config, Handlers h) {
        config.routes.apiBuilder(() -> {
            get("/healthz", h.health()::health, Role.ANYONE);
            get("/readyz", h.health()::ready, Role.ANYONE);
            get("/metrics", h.health()::metrics, Role.ANYONE);
            get("/robots.txt", h.assets()::robots, Role.ANYONE);
            get("/assets/{name}", h.assets()::serve, Role.ANYONE);
            get("/media/<key>", h.media()::serve, Role.ANYONE);

            path("/api/v1", () -> {
                get("/articles", h.api()::articles, Role.ANYONE);
                get("/articles/{id}", h.api()::article, Role.ANYONE);
                get("/sections", h.api()::sections, Role.ANYONE);
                get("/topics", h.api()::topics, Role.ANYONE);
                get("/authors", h.api()::authors, Role.ANYONE);
            });

            get("/topics/", h.topics()::index, Role.ANYONE);
            get("/topics/{slug}/", h.topics()::show, Role.ANYONE);
            get("/authors/", h.contributors()::index, Role.ANYONE);
            get("/authors/{slug}/", h.contributors()::show, Role.ANYONE);

            get("/", h.front()::home, Role.ANYONE);
            get("/{section}/", h.front()::section, Role.ANYONE);
            get("/{section}/{yyyy}/{mm}/{dd}/{slug}/", h.articles()::show, Role.ANYONE);
        });
    }

    /**
     * A GET route, answered for HEAD too by the same handler (Jetty leaves the body out). CDNs, link checkers
     * and load balancers send HEAD; without its own route it carried no role, and the access check refused it.
     */
    private static void get(String path, Handler handler, Role role) {
        ApiBuilder.get(path, handler, role);
        ApiBuilder.head(path, handler, role);
    }
}
