package broadsheet.editing;

import broadsheet.article.Article;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Reads an article back into the shape the editor works with: a {@link Snapshot} with its section, bylines and
 * topics by name. Public for the importer, which starts each imported article's revisions with one.
 */
public final class Drafts {
    private Drafts() {}

    public static Snapshot snapshot(Handle h, Article a) {
        String section = h.createQuery("SELECT slug FROM sections WHERE id = :id").bind("id", a.sectionId()).mapTo(String.class).one();
        List<String> bylines = h.createQuery("""
                        SELECT c.name FROM article_bylines b JOIN contributors c ON c.id = b.contributor_id
                        WHERE b.article_id = :id ORDER BY b.position""").bind("id", a.id()).mapTo(String.class).list();
        List<String> topics = h.createQuery("""
                        SELECT t.name FROM article_topics x JOIN topics t ON t.id = x.topic_id
                        WHERE x.article_id = :id ORDER BY x.position""").bind("id", a.id()).mapTo(String.class).list();
        return snapshot(a, section, bylines, topics);
    }

    /** The same, with the section's slug and the bylines' and topics' names already known (an import's). */
    public static Snapshot snapshot(Article a, String section, List<String> bylines, List<String> topics) {
        return new Snapshot(a.content(section, bylines, topics), a.status().word());
    }
}
