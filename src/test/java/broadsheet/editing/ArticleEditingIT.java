package broadsheet.editing;

import static broadsheet.testing.Desk.count;
import static broadsheet.testing.Desk.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import broadsheet.article.ArticleContent;
import broadsheet.testing.Desk;
import broadsheet.shared.StaffRole;
import broadsheet.article.Article;
import broadsheet.article.Status;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Writing and saving on the real database: drafts and their revisions, optimistic locking, who may edit
 * what, the editorial timeline of published articles, earlier addresses, and bylines and topics in order.
 * A refused save must leave every table as it was.
 */
@ExtendWith(TestDatabase.class)
class ArticleEditingIT {
    @RegisterExtension
    static final TestApp app = new TestApp();
    private static final Instant T0 = Instant.parse("2025-12-07T09:00:00Z");

    private final ArticleEditing editing = new ArticleEditing(TestDatabase.jdbi(), Desk.LONDON);
    private final Publishing publishing = new Publishing(TestDatabase.jdbi(), Desk.LONDON);
    private Editor editor;

    @BeforeEach
    void desk() {
        Desk.section("world-news", "World news");
        Desk.section("business", "Business");
        editor = Desk.person(StaffRole.EDITOR, "Edna Editor");
    }

    private long create(Editor who, ArticleContent d) {
        var r = editing.create(who, d, T0);
        assertThat(r).isInstanceOf(ArticleEditing.Result.Saved.class);
        return ((ArticleEditing.Result.Saved) r).id();
    }

    private ArticleEditing.Result.Saved save(Editor who, long id, ArticleContent d, ChangeKind kind, String note, Instant at) {
        var r = editing.save(who, id, Desk.article(id).version(), d, kind, note, at);
        assertThat(r).as("save").isInstanceOf(ArticleEditing.Result.Saved.class);
        return (ArticleEditing.Result.Saved) r;
    }

    /** A published article, first published at T0. */
    private long published(String headline) {
        long id = create(editor, Desk.draft(headline));
        assertThat(publishing.publish(editor, id, 1, T0)).isInstanceOf(Publishing.Moved.Done.class);
        return id;
    }

    @Test
    void aNewArticleIsADraftWithItsFirstRevision() {
        Editor reporter = Desk.person(StaffRole.REPORTER, "Rita Reporter");
        long id = create(reporter, Desk.draft("Harbour vote delayed until spring"));

        Article a = Desk.article(id);
        assertThat(a.status()).isEqualTo(Status.DRAFT);
        assertThat(a.version()).isEqualTo(1);
        assertThat(a.slug()).isEqualTo("harbour-vote-delayed-until-spring");
        assertThat(a.path()).isNull();
        assertThat(a.firstPublishedAt()).isNull();
        assertThat(a.createdBy()).isEqualTo(reporter.staffId());
        var revisions = new Revisions(TestDatabase.jdbi()).list(id);
        assertThat(revisions).hasSize(1);
        assertThat(revisions.get(0).number()).isEqualTo(1);
        assertThat(revisions.get(0).version()).isEqualTo(1);
        assertThat(revisions.get(0).kind()).isEqualTo("created");
        assertThat(revisions.get(0).actor()).isEqualTo("Rita Reporter");
        assertThat(strings("SELECT c.name FROM article_bylines b JOIN contributors c ON c.id = b.contributor_id WHERE b.article_id = ?", id))
                .as("a draft without bylines is under its writer's name").containsExactly("Rita Reporter");
    }

    @Test
    void anInvalidDraftIsNotStoredAtAll() {
        var before = TestDatabase.rowCounts();
        var r = editing.create(editor, Desk.draft("", "no-such-section", "Bad Slug", ""), T0);

        assertThat(r).isInstanceOf(ArticleEditing.Result.Invalid.class);
        assertThat(((ArticleEditing.Result.Invalid) r).problems()).containsKeys("headline", "slug", "section");
        assertThat(TestDatabase.rowCounts()).isEqualTo(before);
    }

    @Test
    void aSaveBasedOnAnOlderVersionIsAConflictAndChangesNothing() {
        long id = create(editor, Desk.draft("First headline"));
        ArticleContent theirs = Desk.changed(Desk.draft("First headline"), "Their headline", "", "Their body.");
        assertThat(editing.save(editor, id, 1, theirs, ChangeKind.MINOR, "", T0.plusSeconds(60)))
                .isEqualTo(new ArticleEditing.Result.Saved(id, 2));
        Article before = Desk.article(id);
        var counts = TestDatabase.rowCounts();

        ArticleContent mine = Desk.changed(Desk.draft("First headline"), "My headline", "", "My body.");
        var r = editing.save(editor, id, 1, mine, ChangeKind.MINOR, "", T0.plusSeconds(120));

        assertThat(r).isInstanceOf(ArticleEditing.Result.Conflict.class);
        var conflict = (ArticleEditing.Result.Conflict) r;
        assertThat(conflict.theirVersion()).isEqualTo(2);
        assertThat(conflict.theirs().headline()).isEqualTo("Their headline");
        assertThat(conflict.theirs().body()).isEqualTo("Their body.");
        assertThat(conflict.yours()).isEqualTo(mine);
        assertThat(Desk.article(id)).isEqualTo(before);
        assertThat(TestDatabase.rowCounts()).isEqualTo(counts);
    }

    @Test
    void aContributorCannotOpenOrSaveSomeoneElsesDraft() {
        Editor connie = Desk.person(StaffRole.CONTRIBUTOR, "Connie Contributor");
        Editor colin = Desk.person(StaffRole.CONTRIBUTOR, "Colin Contributor");
        long id = create(connie, Desk.draft("Connie's draft"));
        Article before = Desk.article(id);
        var counts = TestDatabase.rowCounts();

        assertThatThrownBy(() -> editing.load(colin, id)).isInstanceOfSatisfying(EditingException.class,
                e -> assertThat(e.kind()).isEqualTo(EditingException.Kind.NOT_ALLOWED));
        assertThatThrownBy(() -> editing.save(colin, id, 1, Desk.draft("Colin was here"), ChangeKind.MINOR, "", T0))
                .isInstanceOfSatisfying(EditingException.class, e -> assertThat(e.kind()).isEqualTo(EditingException.Kind.NOT_ALLOWED));
        assertThatThrownBy(() -> publishing.submit(colin, id, 1, T0))
                .isInstanceOfSatisfying(EditingException.class, e -> assertThat(e.kind()).isEqualTo(EditingException.Kind.NOT_ALLOWED));

        assertThat(Desk.article(id)).isEqualTo(before);
        assertThat(TestDatabase.rowCounts()).isEqualTo(counts);
        assertThat(editing.load(connie, id).allowed()).contains(Workflow.Action.EDIT, Workflow.Action.SUBMIT);
    }

    @Test
    void beingNamedInTheBylinesMakesAnArticleOnesOwn() {
        Editor connie = Desk.person(StaffRole.CONTRIBUTOR, "Connie Contributor");
        long id = create(editor, Desk.withNames(Desk.draft("Shared story"), List.of("Edna Editor", "Connie Contributor"), List.of()));

        assertThat(editing.load(connie, id).own()).isTrue();
        save(connie, id, Desk.changed(Desk.draft("Shared story"), "Shared story, revised", "", "Connie's paragraph."),
                ChangeKind.MINOR, "", T0.plusSeconds(60));
        assertThat(Desk.article(id).headline()).isEqualTo("Shared story, revised");
    }

    @Test
    void aReporterEditsTheirOwnPublishedArticleButAContributorDoesNot() {
        Editor rita = Desk.person(StaffRole.REPORTER, "Rita Reporter");
        Editor connie = Desk.person(StaffRole.CONTRIBUTOR, "Connie Contributor");
        long ritas = create(rita, Desk.draft("Rita's story"));
        long connies = create(connie, Desk.draft("Connie's story"));
        publishing.publish(editor, ritas, 1, T0);
        publishing.publish(editor, connies, 1, T0);

        save(rita, ritas, Desk.changed(Desk.draft("Rita's story"), "Rita's story, fixed", "", "Fixed."), ChangeKind.MINOR, "",
                T0.plusSeconds(60));
        assertThat(Desk.article(ritas).headline()).isEqualTo("Rita's story, fixed");

        Article before = Desk.article(connies);
        assertThatThrownBy(() -> editing.save(connie, connies, before.version(), Desk.draft("Connie's story, changed"),
                ChangeKind.MINOR, "", T0.plusSeconds(60))).isInstanceOf(EditingException.class);
        assertThat(Desk.article(connies)).isEqualTo(before);
    }

    @Test
    void aSignificantUpdateMovesTheUpdatedTimeAndIsListedWithItsNote() {
        long id = published("Harbour talks resume");
        Instant later = T0.plus(Duration.ofHours(3));

        save(editor, id, Desk.changed(Desk.draft("Harbour talks resume"), "Harbour talks resume after walkout", "", "New facts."),
                ChangeKind.UPDATE, "Adds the minister's statement", later);

        Article a = Desk.article(id);
        assertThat(a.updatedAt()).isEqualTo(later);
        assertThat(a.firstPublishedAt()).isEqualTo(T0);
        assertThat(strings("SELECT kind || ': ' || note FROM article_changes WHERE article_id = ?", id))
                .containsExactly("update: Adds the minister's statement");
        assertThat(count("SELECT count(*) FROM article_changes WHERE article_id = ? AND at = ?", id, later.atOffset(ZoneOffset.UTC)))
                .isEqualTo(1);
        assertThat(strings("""
                SELECT r.kind FROM article_changes c JOIN article_revisions r ON r.id = c.revision_id WHERE c.article_id = ?""", id))
                .as("the change points at its revision").containsExactly("update");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'article update' AND details ->> 'article' = ?", String.valueOf(id)))
                .isEqualTo(1);
    }

    @Test
    void aMinorEditLeavesNoPublicTrace() {
        long id = published("Harbour talks resume");

        save(editor, id, Desk.changed(Desk.draft("Harbour talks resume"), "Harbour talks resume", "", "Typo fixed."),
                ChangeKind.MINOR, "", T0.plus(Duration.ofHours(1)));

        assertThat(Desk.article(id).updatedAt()).isNull();
        assertThat(count("SELECT count(*) FROM article_changes WHERE article_id = ?", id)).isZero();
    }

    @Test
    void aCorrectionIsListedButDoesNotMoveTheUpdatedTime() {
        long id = published("Harbour talks resume");

        save(editor, id, Desk.draft("Harbour talks resume"), ChangeKind.CORRECTION, "The minister is Tomas, not Tobias, Brandt.",
                T0.plus(Duration.ofHours(2)));

        assertThat(Desk.article(id).updatedAt()).isNull();
        assertThat(strings("SELECT kind || ': ' || note FROM article_changes WHERE article_id = ?", id))
                .containsExactly("correction: The minister is Tomas, not Tobias, Brandt.");
    }

    @Test
    void aCorrectionWithoutANoteIsRefusedAndChangesNothing() {
        long id = published("Harbour talks resume");
        Article before = Desk.article(id);
        var counts = TestDatabase.rowCounts();

        for (ChangeKind kind : List.of(ChangeKind.CORRECTION, ChangeKind.CLARIFICATION)) {
            var r = editing.save(editor, id, before.version(), Desk.changed(Desk.draft("x"), "Changed headline", "", "Changed."),
                    kind, "   ", T0.plus(Duration.ofHours(2)));
            assertThat(r).isInstanceOf(ArticleEditing.Result.Invalid.class);
            assertThat(((ArticleEditing.Result.Invalid) r).problems()).containsOnlyKeys("note");
        }
        assertThat(Desk.article(id)).isEqualTo(before);
        assertThat(TestDatabase.rowCounts()).isEqualTo(counts);
    }

    @Test
    void aChangeKindOnADraftIsIgnored() {
        long id = create(editor, Desk.draft("Not yet out"));

        save(editor, id, Desk.draft("Not yet out"), ChangeKind.UPDATE, "Nobody reads this", T0.plusSeconds(60));

        assertThat(Desk.article(id).updatedAt()).isNull();
        assertThat(count("SELECT count(*) FROM article_changes")).isZero();
    }

    @Test
    void aNewSlugForAPublishedArticleKeepsTheOldAddressAsARedirect() {
        long id = published("Harbour talks resume");
        String old = Desk.article(id).path();
        assertThat(old).isEqualTo("/world-news/2025/12/07/harbour-talks-resume/");

        save(editor, id, Desk.changed(Desk.draft("x"), "Harbour talks resume", "harbour-talks-back-on", "Body."),
                ChangeKind.MINOR, "", T0.plusSeconds(600));

        String now = Desk.article(id).path();
        assertThat(now).isEqualTo("/world-news/2025/12/07/harbour-talks-back-on/");
        var redirect = app.get(old);
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).contains(now);
        assertThat(app.get(now).statusCode()).isEqualTo(200);
    }

    @Test
    void aDraftFollowsItsHeadlineUntilPublishedThenKeepsItsSlug() {
        long id = create(editor, Desk.draft("Early headline"));
        save(editor, id, Desk.draft("Better headline"), ChangeKind.MINOR, "", T0.plusSeconds(60));
        assertThat(Desk.article(id).slug()).isEqualTo("better-headline");

        publishing.publish(editor, id, Desk.article(id).version(), T0.plusSeconds(120));
        save(editor, id, Desk.draft("Best headline"), ChangeKind.MINOR, "", T0.plusSeconds(180));
        assertThat(Desk.article(id).slug()).isEqualTo("better-headline");
        assertThat(Desk.article(id).path()).endsWith("/better-headline/");
    }

    @Test
    void takingAnotherArticlesAddressIsRefusedAndChangesNothing() {
        long first = published("Harbour talks resume");
        long second = published("Harbour talks stall");
        Article before = Desk.article(second);
        var counts = TestDatabase.rowCounts();

        assertThatThrownBy(() -> editing.save(editor, second, before.version(),
                Desk.changed(Desk.draft("x"), "Harbour talks stall", "harbour-talks-resume", "Body."), ChangeKind.MINOR, "",
                T0.plusSeconds(60))).isInstanceOfSatisfying(EditingException.class,
                e -> assertThat(e.kind()).isEqualTo(EditingException.Kind.INVALID));

        assertThat(Desk.article(second)).isEqualTo(before);
        assertThat(Desk.article(first).path()).isEqualTo("/world-news/2025/12/07/harbour-talks-resume/");
        assertThat(TestDatabase.rowCounts()).isEqualTo(counts);
    }

    @Test
    void bylinesAndTopicsAreCreatedAndKeptInTheirOrder() {
        var d = Desk.withNames(Desk.draft("Harbour deal"), List.of("Zoe Zimmer", "Our Foreign Staff", "Adam Abbott"),
                List.of("Zebra crossings", "Apple harvest", "Northmere"));
        long id = create(editor, d);

        assertThat(bylines(id)).containsExactly("Zoe Zimmer", "Our Foreign Staff", "Adam Abbott");
        assertThat(topics(id)).containsExactly("Zebra crossings", "Apple harvest", "Northmere");

        save(editor, id, Desk.withNames(d, List.of("Adam Abbott", "Zoe Zimmer"), List.of("Northmere", "Zebra crossings", "Estrany")),
                ChangeKind.MINOR, "", T0.plusSeconds(60));

        assertThat(bylines(id)).containsExactly("Adam Abbott", "Zoe Zimmer");
        assertThat(topics(id)).containsExactly("Northmere", "Zebra crossings", "Estrany");
        assertThat(count("SELECT count(*) FROM topics WHERE name = 'Northmere'")).as("an existing topic is reused").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM contributors WHERE name = 'Zoe Zimmer'")).isEqualTo(1);
        assertThat(editing.load(editor, id).snapshot().topics()).containsExactly("Northmere", "Zebra crossings", "Estrany");
    }

    @Test
    void everySaveIsARevisionNumberedInOrder() {
        long id = create(editor, Desk.draft("One"));
        save(editor, id, Desk.draft("Two"), ChangeKind.MINOR, "", T0.plusSeconds(60));
        save(editor, id, Desk.draft("Three"), ChangeKind.MINOR, "", T0.plusSeconds(120));

        var revisions = new Revisions(TestDatabase.jdbi());
        assertThat(revisions.list(id)).extracting(Revisions.Entry::number).containsExactly(3, 2, 1);
        assertThat(revisions.list(id)).extracting(Revisions.Entry::version).containsExactly(3, 2, 1);
        assertThat(revisions.get(id, 2).orElseThrow().snapshot().headline()).isEqualTo("Two");
    }

    private static List<String> bylines(long id) {
        return strings("""
                SELECT c.name FROM article_bylines b JOIN contributors c ON c.id = b.contributor_id
                WHERE b.article_id = ? ORDER BY b.position""", id);
    }

    private static List<String> topics(long id) {
        return strings("SELECT t.name FROM article_topics x JOIN topics t ON t.id = x.topic_id WHERE x.article_id = ? ORDER BY x.position", id);
    }
}
