package broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import broadsheet.testing.Fixtures;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.Readers;
import broadsheet.testing.TestApp;
import broadsheet.testing.Statements;
import broadsheet.testing.TestDatabase;
import broadsheet.testing.ThreadsFixtures;
import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How many SQL statements an article page costs with the page cache off, the path every subscriber's page takes: a
 * fixed number, however many bylines, topics, changes and comments the article has. A new query on this path (or an
 * N+1) makes these fail; if one is really needed, raise the number here and say why in the commit. The topic and author
 * pages, which list articles, are counted here too.
 */
@ExtendWith(TestDatabase.class)
class ArticleRoundTripsIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    /** An article with a picture, two bylines, three topics, a correction and a thread of 30 comments with replies. */
    private static String busyArticle(AccessLevel access) {
        app.fixtures().store(TestApp.NOW.minusSeconds(3600), Fixtures.story("A busy story").slug("busy").access(access)
                .bylines("Ann Writer", "Ben Writer").topics("Budget", "Energy", "Housing")
                .picture(Fixtures.picture("Quay", 700, 400, Color.BLUE, Color.WHITE)).build());
        long article = TestDatabase.jdbi().withHandle(h -> h.createQuery(
                        "UPDATE articles SET comment_policy = :policy WHERE slug = 'busy' RETURNING id")
                .bind("policy", CommentPolicy.OPEN.word()).mapTo(Long.class).one());
        TestDatabase.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO article_changes (article_id, kind, note, at) VALUES (:a, 'correction', 'A name was misspelt.', :at)""")
                .bind("a", article).bind("at", TestApp.NOW.minusSeconds(600)).execute());
        long writer = Readers.reader("writer@example.com", "Writer", true);
        ThreadsFixtures.bulk(article, writer, 30, 4, TestApp.NOW.minusSeconds(60));
        return ThreadsFixtures.path(article);
    }

    @Test
    void aVisitorsArticlePageRunsTwoStatements() {
        String path = busyArticle(AccessLevel.FREE);
        app.get(path); // the settings and the section menu are held in memory after the first page
        List<String> statements = Statements.of(() -> app.get(path));
        // the article with all it shows beside the text (its authors' cards, and the end's "More in" and "More on" lists
        // as two short index walks in the same statement); the thread's first page with its first replies
        assertThat(statements).as(String.join("\n", statements)).hasSize(2);
    }

    @Test
    void anArticleWithNoCommentIsOneStatementForAVisitor() {
        app.fixtures().store(TestApp.NOW.minusSeconds(3600), Fixtures.story("A quiet story").slug("quiet")
                .bylines("Ann Writer").topics("Budget").build());
        long article = TestDatabase.jdbi().withHandle(h -> h.createQuery(
                        "UPDATE articles SET comment_policy = :policy WHERE slug = 'quiet' RETURNING id")
                .bind("policy", CommentPolicy.OPEN.word()).mapTo(Long.class).one());
        String path = ThreadsFixtures.path(article);
        app.get(path);
        List<String> statements = Statements.of(() -> app.get(path));
        // the article with the end's lists: its count of approved comments says the thread has nothing to show a visitor
        assertThat(statements).as(String.join("\n", statements)).hasSize(1);
        assertThat(Html.parse(app.get(path)).select("#comments")).as("the thread's place, with its form or sign-in link").isNotEmpty();
    }

    @Test
    void aSubscribersArticlePageRunsAFixedNumberOfStatements() {
        String path = busyArticle(AccessLevel.PREMIUM);
        Newsroom.Client subscriber = Readers.signedIn(app, "sub@example.com", "Sasha Subscriber");
        ThreadsFixtures.subscriber(ThreadsFixtures.readerId("sub@example.com"));
        subscriber.get(path);
        List<String> statements = Statements.of(() -> subscriber.get(path));
        // the session; the article with the end's lists; the subscription (the paywall) and the gifts left this month (the
        // gift button); the reader's own comments awaiting moderation with the thread's first page and their first replies,
        // and which of them the reader recommended; may they post (their standing; the subscription the paywall found
        // answers the comment rules, which admit subscribers only)
        assertThat(statements).as(String.join("\n", statements)).hasSize(7);
    }

    @Test
    void aTopicPageRunsThreeStatements() {
        app.fixtures().store(TestApp.NOW.minusSeconds(3600), Fixtures.story("A listed story").slug("listed")
                .bylines("Ann Writer", "Ben Writer").topics("Budget", "Energy").build());
        app.get("/topics/budget/");
        List<String> statements = Statements.of(() -> app.get("/topics/budget/"));
        // the topic with whether a published article has it (a private topic's page is not found); the page's rows with
        // their bylines, in a transaction told to use the generic plan (ArticleQueries.list says why)
        assertThat(statements).as(String.join("\n", statements)).hasSize(3);
    }

    @Test
    void anAuthorPageRunsThreeStatements() {
        app.fixtures().store(TestApp.NOW.minusSeconds(3600), Fixtures.story("A listed story").slug("listed")
                .bylines("Ann Writer", "Ben Writer").topics("Budget").build());
        app.get("/authors/ann-writer/");
        List<String> statements = Statements.of(() -> app.get("/authors/ann-writer/"));
        // the writer if a published article names them; the page's rows with their bylines (with the generic plan, as above)
        assertThat(statements).as(String.join("\n", statements)).hasSize(3);
    }
}
