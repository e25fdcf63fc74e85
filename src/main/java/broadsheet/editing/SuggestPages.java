package broadsheet.editing;

import broadsheet.article.ArticleOwner;
import broadsheet.contributor.ContributorStore;
import broadsheet.topic.TopicStore;
import broadsheet.web.CachePolicy;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Type-ahead for the editor: topic and byline names starting with (or containing) what has been typed. A
 * name that was merged into another topic brings up the topic it went into. Someone who sees only their own
 * articles (a contributor) is offered only names that are public or on their own articles: the names in
 * other people's drafts could give their stories away.
 */
public final class SuggestPages {
    private final Jdbi jdbi;

    public SuggestPages(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void topics(Context ctx) {
        String like = like(ctx);
        ArticleOwner owner = EditorPages.editor(ctx).onlyOwn();
        List<String> names = jdbi.withHandle(h -> seenBy(owner, TopicStore.SEEN_BY_OWNER, h.createQuery("""
                        SELECT name FROM (SELECT t.name, t.name AS known FROM topics t WHERE <seen>
                                          UNION ALL
                                          SELECT t.name, r.name FROM topic_redirects r JOIN topics t ON t.id = r.topic_id
                                          WHERE r.name IS NOT NULL AND <seen>) n
                        WHERE known ILIKE :contains
                        GROUP BY name ORDER BY bool_or(known ILIKE :starts) DESC, lower(name) LIMIT 10"""))
                .bind("contains", "%" + like + "%").bind("starts", like + "%")
                .mapTo(String.class).list());
        respond(ctx, names);
    }

    public void contributors(Context ctx) {
        String like = like(ctx);
        ArticleOwner owner = EditorPages.editor(ctx).onlyOwn();
        List<String> names = jdbi.withHandle(h -> seenBy(owner, ContributorStore.SEEN_BY_OWNER, h.createQuery("""
                        SELECT name FROM contributors c WHERE name ILIKE :contains AND <seen>
                        ORDER BY (name ILIKE :starts) DESC, lower(name) LIMIT 10"""))
                .bind("contains", "%" + like + "%").bind("starts", like + "%")
                .mapTo(String.class).list());
        respond(ctx, names);
    }

    /** Offers only the names {@code seen} lets the owner see, or (no owner: this person sees every article) all of them. */
    private static Query seenBy(ArticleOwner owner, String seen, Query query) {
        return ArticleOwner.bind(query.define("seen", owner == null ? "true" : seen), owner);
    }

    /** What was typed, as a LIKE pattern matching it literally. */
    private static String like(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        if (q.length() > 80) q = q.substring(0, 80);
        // backslash is LIKE's default escape character (an ESCAPE '\\' clause would confuse JDBI's parser)
        return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void respond(Context ctx, List<String> names) {
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.json(Map.of("names", names));
    }
}
