package broadsheet.editing;

import static broadsheet.testing.Desk.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import broadsheet.testing.Desk;
import broadsheet.shared.StaffRole;
import broadsheet.article.Article;
import broadsheet.article.Status;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Moving articles through the workflow on the real database: publishing (address and first publication),
 * unpublishing (410) and publishing again, scheduling, and the scheduled-publishing job run by two
 * workers at once. The server here runs its own job on its fixed clock; the scheduled articles in these
 * tests fall due after that time, so only the workers started by the tests publish them.
 */
@ExtendWith(TestDatabase.class)
class PublishingIT {
    @RegisterExtension
    static final TestApp app = new TestApp();
    /** Later than the server's clock, so the server's own job never finds these articles due. */
    private static final Instant T0 = TestApp.NOW.plus(Duration.ofHours(1));

    private final ArticleEditing editing = new ArticleEditing(TestDatabase.jdbi(), Desk.LONDON);
    private final Publishing publishing = new Publishing(TestDatabase.jdbi(), Desk.LONDON);
    private Editor editor;

    @BeforeEach
    void desk() {
        Desk.section("world-news", "World news");
        editor = Desk.person(StaffRole.EDITOR, "Edna Editor");
    }

    private long draft(String headline, Instant at) {
        var r = (ArticleEditing.Result.Saved) editing.create(editor, Desk.draft(headline), at);
        return r.id();
    }

    private int version(long id) {
        return Desk.article(id).version();
    }

    @Test
    void publishingGivesTheAddressFromSectionDateAndSlugInThePapersZone() {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST): the address takes the London date
        Instant summerNight = Instant.parse("2025-06-30T23:30:00Z");
        long id = draft("Midsummer harbour vote", summerNight.minusSeconds(600));

        var moved = publishing.publish(editor, id, 1, summerNight);

        assertThat(moved).isEqualTo(new Publishing.Moved.Done(2));
        Article a = Desk.article(id);
        assertThat(a.status()).isEqualTo(Status.PUBLISHED);
        assertThat(a.path()).isEqualTo("/world-news/2025/07/01/midsummer-harbour-vote/");
        assertThat(a.firstPublishedAt()).isEqualTo(summerNight);
        assertThat(a.updatedAt()).isNull();
        assertThat(count("SELECT count(*) FROM article_revisions WHERE article_id = ? AND kind = 'published'", id)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'article published' AND details ->> 'article' = ?",
                String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void publishingAgainAfterUnpublishingKeepsTheFirstPublicationAndAddress() {
        long id = draft("Harbour strike called off", T0);
        publishing.publish(editor, id, version(id), T0);
        String path = Desk.article(id).path();

        publishing.unpublish(editor, id, version(id), T0.plus(Duration.ofHours(1)));
        assertThat(Desk.article(id).status()).isEqualTo(Status.UNPUBLISHED);
        publishing.publish(editor, id, version(id), T0.plus(Duration.ofDays(1)));

        Article a = Desk.article(id);
        assertThat(a.status()).isEqualTo(Status.PUBLISHED);
        assertThat(a.firstPublishedAt()).isEqualTo(T0);
        assertThat(a.path()).isEqualTo(path);
        assertThat(app.get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnpublishedArticlesAddressAnswersGone() {
        long id = draft("Harbour strike called off", T0);
        publishing.publish(editor, id, version(id), T0);
        String path = Desk.article(id).path();
        assertThat(app.get(path).statusCode()).isEqualTo(200);

        publishing.unpublish(editor, id, version(id), T0.plusSeconds(60));
        app.app().contentChanged();

        var gone = app.get(path);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("no longer published").doesNotContain("Harbour strike called off");
    }

    @Test
    void schedulingForNowOrThePastIsRefusedAndChangesNothing() {
        long id = draft("Budget preview", T0);
        Article before = Desk.article(id);
        var counts = TestDatabase.rowCounts();

        for (Instant at : List.of(T0.minusSeconds(1), T0)) {
            assertThatThrownBy(() -> publishing.schedule(editor, id, 1, at, T0)).isInstanceOfSatisfying(EditingException.class,
                    e -> assertThat(e.kind()).isEqualTo(EditingException.Kind.INVALID));
        }
        assertThat(Desk.article(id)).isEqualTo(before);
        assertThat(TestDatabase.rowCounts()).isEqualTo(counts);
    }

    @Test
    void aScheduledArticleIsPublishedByTheJobOnceItIsDue() {
        long id = draft("Budget day live", T0);
        Instant at = T0.plus(Duration.ofHours(2));
        publishing.schedule(editor, id, 1, at, T0);
        assertThat(Desk.article(id).status()).isEqualTo(Status.SCHEDULED);
        assertThat(Desk.article(id).scheduledAt()).isEqualTo(at);

        assertThat(publishing.publishDue(at.minusSeconds(1))).isEmpty();
        assertThat(publishing.publishDue(at.plusSeconds(5))).containsExactly(id);

        Article a = Desk.article(id);
        assertThat(a.status()).isEqualTo(Status.PUBLISHED);
        assertThat(a.scheduledAt()).isNull();
        assertThat(a.firstPublishedAt()).isEqualTo(at.plusSeconds(5));
        assertThat(a.path()).isEqualTo("/world-news/2025/12/07/budget-day-live/");
        assertThat(publishing.publishDue(at.plusSeconds(60))).as("nothing is published twice").isEmpty();
    }

    @Test
    void aContributorCannotPublishScheduleOrUnpublishTheirOwnArticle() {
        Editor connie = Desk.person(StaffRole.CONTRIBUTOR, "Connie Contributor");
        Editor rita = Desk.person(StaffRole.REPORTER, "Rita Reporter");
        long id = ((ArticleEditing.Result.Saved) editing.create(connie, Desk.draft("Connie's scoop"), T0)).id();
        Article before = Desk.article(id);

        for (Editor who : List.of(connie, rita)) {
            assertThatThrownBy(() -> publishing.publish(who, id, 1, T0)).isInstanceOf(EditingException.class);
            assertThatThrownBy(() -> publishing.schedule(who, id, 1, T0.plusSeconds(3600), T0)).isInstanceOf(EditingException.class);
            assertThatThrownBy(() -> publishing.unpublish(who, id, 1, T0)).isInstanceOf(EditingException.class);
        }
        assertThat(Desk.article(id)).isEqualTo(before);

        assertThat(publishing.submit(connie, id, 1, T0)).isEqualTo(new Publishing.Moved.Done(2));
        assertThat(Desk.article(id).status()).isEqualTo(Status.SUBMITTED);
    }

    @Test
    void unpublishingADraftIsRefused() {
        long id = draft("Never out", T0);

        assertThatThrownBy(() -> publishing.unpublish(editor, id, 1, T0)).isInstanceOfSatisfying(EditingException.class,
                e -> assertThat(e.kind()).isEqualTo(EditingException.Kind.NOT_ALLOWED));
        assertThat(Desk.article(id).status()).isEqualTo(Status.DRAFT);
    }

    @Test
    void aMoveBasedOnAnOlderVersionIsStaleAndChangesNothing() {
        long id = draft("Harbour vote", T0);
        editing.save(editor, id, 1, Desk.draft("Harbour vote, again"), ChangeKind.MINOR, "", T0.plusSeconds(10));
        Article before = Desk.article(id);

        assertThat(publishing.publish(editor, id, 1, T0.plusSeconds(20))).isEqualTo(new Publishing.Moved.Stale(2));
        assertThat(Desk.article(id)).isEqualTo(before);
    }

    @Test
    void twoWorkersRunningTheJobAtOncePublishEachDueArticleExactlyOnce() throws Exception {
        // more than one batch (the job takes 50 at a time), so the two workers interleave
        int n = 120;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = draft("Scheduled story " + (i + 1), T0);
            publishing.schedule(editor, id, 1, T0.plusSeconds(60 + i), T0);
            ids.add(id);
        }
        Instant due = T0.plus(Duration.ofHours(1));
        List<Publishing> workers = List.of(new Publishing(TestDatabase.jdbi(), Desk.LONDON), new Publishing(TestDatabase.jdbi(), Desk.LONDON));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<Long>>> results = new ArrayList<>();
        try {
            for (Publishing worker : workers) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<Long> mine = new ArrayList<>();
                    for (List<Long> batch = worker.publishDue(due); !batch.isEmpty(); batch = worker.publishDue(due)) mine.addAll(batch);
                    return mine;
                }));
            }
            start.countDown();
            List<Long> first = results.get(0).get(60, TimeUnit.SECONDS);
            List<Long> second = results.get(1).get(60, TimeUnit.SECONDS);

            Set<Long> overlap = new HashSet<>(first);
            overlap.retainAll(second);
            assertThat(overlap).as("published by both workers").isEmpty();
            List<Long> union = new ArrayList<>(first);
            union.addAll(second);
            assertThat(union).containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM articles WHERE status = 'published' AND first_published_at = ?",
                due.atOffset(ZoneOffset.UTC))).isEqualTo(n);
        assertThat(count("""
                SELECT count(*) FROM (SELECT article_id FROM article_revisions WHERE kind = 'published'
                                      GROUP BY article_id HAVING count(*) = 1) once""")).isEqualTo(n);
        assertThat(count("SELECT count(*) FROM article_revisions WHERE kind = 'published'")).isEqualTo(n);
        assertThat(count("""
                SELECT count(*) FROM (SELECT details ->> 'article' FROM audit_log WHERE action = 'article published'
                                      GROUP BY details ->> 'article' HAVING count(*) = 1) once""")).isEqualTo(n);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'article published'")).isEqualTo(n);
    }

    @Test
    void aDueArticleThatCannotBePublishedDoesNotHoldUpTheOthers() {
        // two desks scheduled a story with the same slug for the same day: only one can have the address
        long first = draft("Budget day live", T0);
        long twin = draft("Budget day live", T0);
        long other = draft("Markets open lower", T0);
        for (long id : List.of(first, twin, other)) publishing.schedule(editor, id, 1, T0.plusSeconds(60 + id), T0);

        List<Long> published = publishing.publishDue(T0.plus(Duration.ofHours(1)));

        assertThat(published).containsExactlyInAnyOrder(first, other);
        assertThat(Desk.article(first).status()).isEqualTo(Status.PUBLISHED);
        assertThat(Desk.article(other).status()).isEqualTo(Status.PUBLISHED);
        assertThat(Desk.article(twin).status()).as("left for the newsroom to fix").isEqualTo(Status.SCHEDULED);
        assertThat(Desk.article(twin).path()).isNull();
    }

    @Test
    void unpublishingAScheduledArticleThatNeverAppearedCancelsTheScheduleBackToADraft() {
        long id = draft("A scheduled story withdrawn", T0);
        var scheduled = (Publishing.Moved.Done) publishing.schedule(editor, id, version(id), T0.plus(Duration.ofHours(2)), T0);

        var moved = publishing.unpublish(editor, id, scheduled.version(), T0.plusSeconds(60));

        assertThat(moved).isInstanceOf(Publishing.Moved.Done.class);
        Article a = Desk.article(id);
        assertThat(a.status()).isEqualTo(Status.DRAFT);
        assertThat(a.scheduledAt()).isNull();
        assertThat(a.path()).isNull();
        assertThat(publishing.publishDue(T0.plus(Duration.ofHours(3)))).doesNotContain(id);
    }
}
