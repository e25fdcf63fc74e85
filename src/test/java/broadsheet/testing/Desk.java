package broadsheet.testing;

import broadsheet.editing.Editor;
import broadsheet.shared.StaffRole;
import broadsheet.account.StaffStore;
import broadsheet.content.AccessLevel;
import broadsheet.article.Article;
import broadsheet.article.ArticleContent;
import broadsheet.article.ArticleStore;
import broadsheet.content.CommentPolicy;
import broadsheet.contributor.ContributorStore;
import broadsheet.section.SectionStore;
import java.time.ZoneId;
import java.util.List;

/**
 * What the newsroom services need around them in a test: sections, people as the services see them
 * ({@link Editor}s), drafts, and the article rows read back. Everything goes to the test database.
 */
public final class Desk {
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private Desk() {}

    public static void section(String slug, String name) {
        TestDatabase.jdbi().useHandle(h -> SectionStore.ensure(h, slug, name, ""));
    }

    /** A member of staff writing under a byline of their own name (as an editor linked it), as the editing services see them. */
    public static Editor person(StaffRole role, String name) {
        String email = name.toLowerCase().replace(' ', '.') + "@test.example";
        long id = Newsroom.staff(role, email, name);
        TestDatabase.jdbi().useHandle(h -> StaffStore.linkContributor(h, id, ContributorStore.ensure(h, name)));
        var staff = new StaffStore(TestDatabase.jdbi()).byId(id).orElseThrow();
        return Editor.person(staff, "127.0.0.1");
    }

    public static ArticleContent draft(String headline) {
        return draft(headline, "world-news", "", "A first paragraph.\n\nA second paragraph.");
    }

    public static ArticleContent draft(String headline, String section, String slug, String body) {
        return ArticleContent.builder().headline(headline).standfirst("A standfirst").slug(slug).section(section).body(body)
                .access(AccessLevel.FREE).comments(CommentPolicy.OPEN).build();
    }

    /** The same draft with other bylines and topics. */
    public static ArticleContent withNames(ArticleContent d, List<String> bylines, List<String> topics) {
        return d.toBuilder().bylines(bylines).topics(topics).build();
    }

    /** The same draft with another headline, slug and body. */
    public static ArticleContent changed(ArticleContent d, String headline, String slug, String body) {
        return d.toBuilder().headline(headline).slug(slug).body(body).build();
    }

    public static Article article(long id) {
        return TestDatabase.jdbi().withHandle(h -> ArticleStore.byId(h, id)).orElseThrow();
    }

    public static long count(String sql, Object... args) {
        return TestDatabase.jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) q.bind(i, args[i]);
            return q.mapTo(Long.class).one();
        });
    }

    public static List<String> strings(String sql, Object... args) {
        return TestDatabase.jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) q.bind(i, args[i]);
            return q.mapTo(String.class).list();
        });
    }
}
