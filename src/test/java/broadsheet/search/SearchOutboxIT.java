package broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.article.Status;
import broadsheet.editing.ArticleEditing;
import broadsheet.editing.ChangeKind;
import broadsheet.editing.Editor;
import broadsheet.editing.Publishing;
import broadsheet.shared.AuditLog;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Desk;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import broadsheet.topic.TopicEditing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The index follows the database through the search outbox: publishing, updates, unpublishing, deletion, renames and
 * scheduled publishing reach it, on this server and on a second one sharing the database with an index of its own.
 */
@ExtendWith(TestDatabase.class)
class SearchOutboxIT {
    @RegisterExtension
    static final TestApp app = new TestApp();
    @RegisterExtension
    static final TestApp other = new TestApp();
    /** Later than the servers' clocks, so their own scheduling job never finds these articles due. */
    private static final Instant T0 = TestApp.NOW.plus(Duration.ofHours(1));
    private final ArticleEditing editing = new ArticleEditing(TestDatabase.jdbi(), Desk.LONDON);
    private final Publishing publishing = new Publishing(TestDatabase.jdbi(), Desk.LONDON);
    private Editor editor;

    @BeforeEach
    void desk() throws InterruptedException {
        for (TestApp a : List.of(app, other)) {
            assertThat(a.app().search().awaitRebuild(a.app().search().rebuild(), Duration.ofSeconds(60))).isTrue();
        }
        Desk.section("world-news", "World news");
        editor = Desk.person(StaffRole.EDITOR, "Edna Editor");
    }

    private long published(String headline, String body, List<String> topics) {
        var draft = Desk.withNames(Desk.draft(headline, "world-news", "", body), List.of("Edna Editor"), topics);
        long id = ((ArticleEditing.Result.Saved) editing.create(editor, draft, T0)).id();
        publishing.publish(editor, id, Desk.article(id).version(), T0);
        return id;
    }

    /** What a server finds for the words, once its index shows every change committed so far. */
    private static List<String> found(TestApp server, String text) throws InterruptedException {
        assertThat(server.app().search().awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        return server.app().search().search(SearchQuery.of(text), Search.Reading.freeOnly(3)).hits().stream()
                .map(SearchHit::headline).toList();
    }

    @Test
    void aPublishOnOneServerIsSearchableOnASecondServerSharingTheDatabase() throws InterruptedException {
        assertThat(found(other, "lighthouse")).isEmpty();

        published("Lighthouse keeper retires", "After forty years on the rock.", List.of("Coast"));

        assertThat(found(other, "lighthouse")).containsExactly("Lighthouse keeper retires");
        assertThat(found(app, "lighthouse")).containsExactly("Lighthouse keeper retires");
    }

    @Test
    void draftsAreNotFoundAndUpdatesUnpublishingAndDeletionReachTheIndex() throws InterruptedException {
        var draft = Desk.draft("Secret draft about the lighthouse");
        long draftId = ((ArticleEditing.Result.Saved) editing.create(editor, draft, T0)).id();
        assertThat(Desk.article(draftId).status()).isEqualTo(Status.DRAFT);
        long id = published("Lighthouse keeper retires", "After forty years on the rock.", List.of("Coast"));
        assertThat(found(other, "lighthouse")).containsExactly("Lighthouse keeper retires");

        var before = Desk.article(id);
        var changed = Desk.withNames(Desk.changed(Desk.draft("Lighthouse keeper stays on"), "Lighthouse keeper stays on", "",
                "The keeper changed her mind about the gannets."), List.of("Edna Editor"), List.of("Coast"));
        editing.save(editor, id, before.version(), changed, ChangeKind.UPDATE, "", T0.plusSeconds(60));
        assertThat(found(other, "gannets")).containsExactly("Lighthouse keeper stays on");
        assertThat(found(other, "forty")).isEmpty();

        publishing.unpublish(editor, id, Desk.article(id).version(), T0.plusSeconds(120));
        assertThat(found(other, "lighthouse")).isEmpty();

        publishing.publish(editor, id, Desk.article(id).version(), T0.plusSeconds(180));
        assertThat(found(other, "lighthouse")).containsExactly("Lighthouse keeper stays on");
        TestDatabase.jdbi().useHandle(h -> {
            h.execute("DELETE FROM article_revisions WHERE article_id = ?", id);
            h.execute("DELETE FROM articles WHERE id = ?", id);
        });
        assertThat(found(other, "lighthouse")).isEmpty();
        assertThat(found(app, "lighthouse")).isEmpty();
    }

    @Test
    void renamingATopicAContributorOrASectionReachesTheArticlesUnderIt() throws InterruptedException {
        long id = published("Lighthouse keeper retires", "After forty years on the rock.", List.of("Coast"));
        assertThat(found(other, "coast")).containsExactly("Lighthouse keeper retires");
        long topic = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM topics WHERE slug = 'coast'").mapTo(Long.class).one());

        var renamed = new TopicEditing(TestDatabase.jdbi()).update(topic, new TopicEditing.Fields("Seashore", "seashore", ""),
                AuditLog.Actor.system("test"), T0);
        assertThat(renamed).isInstanceOf(TopicEditing.Result.Saved.class);

        assertThat(found(other, "seashore")).containsExactly("Lighthouse keeper retires");
        assertThat(found(other, "coast")).isEmpty();
        var bySlug = other.app().search().search(new SearchQuery("lighthouse", "", "seashore", "", null, null,
                SearchQuery.Order.RELEVANCE, 1), Search.Reading.freeOnly(3));
        assertThat(bySlug.total()).isEqualTo(1);

        TestDatabase.jdbi().useHandle(h -> {
            h.execute("UPDATE contributors SET name = 'Edna Harbourmaster' WHERE name = 'Edna Editor'");
            h.execute("UPDATE sections SET name = 'Abroad', slug = 'abroad' WHERE slug = 'world-news'");
        });
        assertThat(found(other, "harbourmaster")).containsExactly("Lighthouse keeper retires");
        var hit = other.app().search().search(SearchQuery.of("lighthouse"), Search.Reading.freeOnly(3)).hits().getFirst();
        assertThat(hit.sectionSlug()).isEqualTo("abroad");
        assertThat(hit.sectionName()).isEqualTo("Abroad");
        assertThat(hit.articleId()).isEqualTo(id);
    }

    @Test
    void anArticleScheduledForLaterIsFoundOnceItIsPublished() throws InterruptedException {
        long id = ((ArticleEditing.Result.Saved) editing.create(editor, Desk.draft("Lighthouse to reopen"), T0)).id();
        publishing.schedule(editor, id, Desk.article(id).version(), T0.plus(Duration.ofHours(1)), T0);
        assertThat(found(other, "lighthouse")).isEmpty();

        assertThat(publishing.publishDue(T0.plus(Duration.ofHours(2)))).containsExactly(id);

        assertThat(found(other, "lighthouse")).containsExactly("Lighthouse to reopen");
    }

    @Test
    void outboxRowsOlderThanADayArePruned() {
        TestDatabase.jdbi().useHandle(h -> {
            h.execute("INSERT INTO search_outbox (article_id, created_at) VALUES (1, now() - interval '25 hours')");
            h.execute("INSERT INTO search_outbox (article_id) VALUES (2)");
        });
        var source = new SearchSource(TestDatabase.jdbi());

        assertThat(source.prune(source.now().minus(SearchSync.KEEP))).isEqualTo(1);
        assertThat(Desk.count("SELECT count(*) FROM search_outbox WHERE article_id = 2")).isEqualTo(1);
    }
}
