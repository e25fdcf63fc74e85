package broadsheet.newsroom;

import broadsheet.web.CachePolicy;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Type-ahead for the editor: topic and byline names starting with (or containing) what has been typed. */
public final class SuggestPages {
    private final Jdbi jdbi;

    public SuggestPages(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void topics(Context ctx) {
        answer(ctx, "topics");
    }

    public void contributors(Context ctx) {
        answer(ctx, "contributors");
    }

    private void answer(Context ctx, String table) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        if (q.length() > 80) q = q.substring(0, 80);
        // '!' escapes the LIKE wildcards: JDBI's statement parser reads a backslash inside quotes as an escape
        String like = q.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        List<String> names = jdbi.withHandle(h -> h.createQuery("""
                        SELECT name FROM <table> WHERE name ILIKE :contains ESCAPE '!'
                        ORDER BY (name ILIKE :starts ESCAPE '!') DESC, lower(name) LIMIT 10""")
                .define("table", table).bind("contains", "%" + like + "%").bind("starts", like + "%")
                .mapTo(String.class).list());
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.json(Map.of("names", names));
    }
}
