package broadsheet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.account.Passwords;
import broadsheet.reader.ReaderStore;
import broadsheet.storage.LocalBlobStore;
import broadsheet.testing.Fixtures;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's threads on a small demo newsroom: one article with several hundred comments and replies, picks,
 * recommendations, held comments with their reasons and reports for the moderators, every comment policy, threads
 * that stay open, and a moderator who can sign in; a second start adds nothing.
 */
@ExtendWith(TestDatabase.class)
class DemoCommentsIT {
    @TempDir
    Path media;

    @Test
    void threadsOnTheDemoArticles() {
        var jdbi = TestDatabase.jdbi();
        var out = new ByteArrayOutputStream();
        var print = new PrintStream(out, true, StandardCharsets.UTF_8);
        new DemoLoader(jdbi, new LocalBlobStore(media), Fixtures.LONDON).loadIfEmpty(2025, 12, TestApp.NOW, print);
        new DemoReaders(new ReaderStore(jdbi), new Passwords(1024, 1)).ensure("/account/signin", TestApp.NOW, print);
        var comments = new DemoComments(jdbi, new Passwords(1024, 1));
        comments.ensureModerator("/newsroom/login", TestApp.NOW, print);
        assertThat(comments.loadIfEmpty(2025, TestApp.NOW, print)).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("moderator@demo\\.example +password \\S+");

        assertThat(count("SELECT max(comment_count) FROM articles")).isGreaterThanOrEqualTo(DemoComments.BIG_THREAD);
        assertThat(count("SELECT count(*) FROM comments WHERE depth = 2")).isPositive();
        assertThat(count("SELECT count(*) FROM comments c JOIN comments p ON p.id = c.parent_id WHERE p.depth = 2")).isPositive();
        assertThat(count("SELECT count(*) FROM comments WHERE featured_at IS NOT NULL")).isBetween(3L, 30L);
        assertThat(count("SELECT count(*) FROM comments WHERE status = 'pending' AND held_reason <> ''")).isGreaterThanOrEqualTo(3);
        assertThat(count("SELECT count(*) FROM comment_reports")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM comment_recommendations")).isGreaterThan(300);
        assertThat(count("SELECT count(*) FROM comments WHERE by_staff")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM comments WHERE created_at > '" + TestApp.NOW + "'")).isZero();
        assertThat(count("SELECT count(*) FROM comments c JOIN articles a ON a.id = c.article_id WHERE c.created_at < a.first_published_at"))
                .isZero();
        assertThat(count("SELECT count(*) FROM comments c JOIN comments p ON p.id = c.parent_id WHERE c.created_at < p.created_at")).isZero();
        // the demo's subscriber has a record, so their next comment goes up at once
        assertThat(count("SELECT approved FROM commenters m JOIN readers r ON r.id = m.reader_id WHERE r.email = 'subscriber@demo.example'"))
                .isGreaterThanOrEqualTo(3);
        assertThat(count("SELECT count(*) FROM comments c JOIN articles a ON a.id = c.article_id WHERE a.comment_policy = 'off'")).isZero();
        assertThat(strings("SELECT comment_policy || ' ' || count(*) FROM articles GROUP BY comment_policy ORDER BY 1"))
                .containsExactly("closed 1", "off 1", "open 7", "premoderated 3");
        assertThat(count("SELECT comments_close_days FROM site_settings")).isEqualTo(DemoComments.CLOSE_DAYS);
        assertThat(strings("SELECT role FROM staff WHERE email = '" + DemoComments.MODERATOR + "'")).containsExactly("moderator");

        long before = count("SELECT count(*) FROM comments");
        assertThat(comments.loadIfEmpty(2025, TestApp.NOW, print)).isFalse();
        assertThat(count("SELECT count(*) FROM comments")).isEqualTo(before);
    }

    @Test
    void textsFollowTheSeedAndVary() {
        List<String> one = new SplittableRandom(7).ints(200).mapToObj(i -> "").toList();
        SplittableRandom a = new SplittableRandom(7);
        SplittableRandom b = new SplittableRandom(7);
        List<String> first = one.stream().map(x -> DemoCommentTexts.comment("sport", a)).toList();
        List<String> second = one.stream().map(x -> DemoCommentTexts.comment("sport", b)).toList();
        assertThat(first).isEqualTo(second);
        assertThat(first.stream().distinct().count()).isGreaterThan(150);
        assertThat(first).allSatisfy(t -> assertThat(t.length()).isBetween(5, 600));
        SplittableRandom c = new SplittableRandom(8);
        assertThat(one.stream().map(x -> DemoCommentTexts.reply("politics", c)).distinct().count()).isGreaterThan(60);
    }

    private static long count(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static List<String> strings(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }
}
