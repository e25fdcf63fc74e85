package broadsheet.contributor;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import broadsheet.shared.AuditLog;
import broadsheet.shared.StaffRole;
import broadsheet.contributor.ContributorEditing.Deletion;
import broadsheet.contributor.ContributorEditing.Form;
import broadsheet.media.LibraryStore;
import broadsheet.editing.PictureRemoval;
import broadsheet.media.PictureDeletion;
import broadsheet.storage.LocalBlobStore;
import broadsheet.testing.Fixtures;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestDatabase;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Adding, changing and deleting contributors against the real database: the rules, the audit log, and what refuses. */
@ExtendWith(TestDatabase.class)
class ContributorEditingIT {
    private static final AuditLog.Actor EDNA = new AuditLog.Actor(null, "Edna Editor", "127.0.0.1");
    private final ContributorEditing editing = new ContributorEditing(TestDatabase.jdbi());
    private final ContributorStore store = new ContributorStore(TestDatabase.jdbi());

    @Test
    void addsAPersonWithEverythingAndADeskWithANameAlone() {
        long picture = picture("portrait");

        long jane = editing.create(new Form("  Jane Smith ", "person", " Defence correspondent ",
                "Jane covers the armed forces.\r\n\r\nShe joined in 2019.", String.valueOf(picture)), EDNA, NOW);
        long desk = editing.create(new Form("Our Foreign Staff", "desk", "", "", ""), EDNA, NOW);

        assertThat(store.byId(jane)).contains(new Contributor(jane, "jane-smith", "Jane Smith", false, "Defence correspondent",
                "Jane covers the armed forces.\n\nShe joined in 2019.", picture));
        assertThat(store.byId(desk)).contains(new Contributor(desk, "our-foreign-staff", "Our Foreign Staff", true, "", "", null));
        assertThat(audit()).containsExactly("contributor created Jane Smith", "contributor created Our Foreign Staff");
        assertThat(strings("SELECT details->>'slug' FROM audit_log ORDER BY id")).containsExactly("jane-smith", "our-foreign-staff");
    }

    static Stream<Arguments> badForms() {
        String long121 = "x".repeat(121);
        return Stream.of(
                Arguments.of(new Form("", "person", "", "", ""), "name", "A name is needed."),
                Arguments.of(new Form("   ", "person", "", "", ""), "name", "A name is needed."),
                Arguments.of(new Form(null, "person", "", "", ""), "name", "A name is needed."),
                Arguments.of(new Form(long121, "person", "", "", ""), "name", "A name has at most 120 characters."),
                Arguments.of(new Form("Jane\nSmith", "person", "", "", ""), "name", "A name is one line of text."),
                Arguments.of(new Form("Jane\u0000Smith", "person", "", "", ""), "name", "A name is one line of text."),
                Arguments.of(new Form("Jane Smith", "robot", "", "", ""), "kind", "Choose whether this is a person or a desk."),
                Arguments.of(new Form("Jane Smith", null, "", "", ""), "kind", "Choose whether this is a person or a desk."),
                Arguments.of(new Form("Jane Smith", "person", long121, "", ""), "jobTitle", "A job title has at most 120 characters."),
                Arguments.of(new Form("Jane Smith", "person", "Editor\r\nat large", "", ""), "jobTitle", "A job title is one line of text."),
                Arguments.of(new Form("Jane Smith", "person", "", "b".repeat(3001), ""), "bio", "A bio has at most 3000 characters; this one has 3001."),
                Arguments.of(new Form("Jane Smith", "person", "", "Bell\u0007 and null\u0000", ""), "bio",
                        "The bio has characters that are not text; type or paste it again."),
                Arguments.of(new Form("Jane Smith", "person", "", "", "twelve"), "picture",
                        "Give the picture's number in the media library, or leave it empty for no picture."),
                Arguments.of(new Form("Jane Smith", "person", "", "", "-3"), "picture",
                        "Give the picture's number in the media library, or leave it empty for no picture."),
                Arguments.of(new Form("Jane Smith", "person", "", "", "9999999999999999999"), "picture",
                        "Give the picture's number in the media library, or leave it empty for no picture."),
                Arguments.of(new Form("Jane Smith", "person", "", "", "424242"), "picture", "There is no picture number 424242 in the media library."),
                Arguments.of(new Form("JANE SMITH", "person", "", "", ""), "name", "There is already a contributor called Jane Smith."));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("badForms")
    void aBadFormIsRefusedWithItsReasonAndNothingIsStored(Form form, String field, String message) {
        editing.create(new Form("Jane Smith", "person", "", "", ""), EDNA, NOW);
        var before = TestDatabase.rowCounts();

        var refused = catchThrowableOfType(ContributorEditing.Refused.class, () -> editing.create(form, EDNA, NOW));

        assertThat(refused.problems()).containsEntry(field, message);
        assertThat(TestDatabase.rowCounts()).isEqualTo(before);
    }

    @Test
    void everyProblemOfAFormIsToldAtOnce() {
        var refused = catchThrowableOfType(ContributorEditing.Refused.class,
                () -> editing.create(new Form("", "robot", "j".repeat(200), "", "x"), EDNA, NOW));

        assertThat(refused.problems()).containsOnlyKeys("name", "kind", "jobTitle", "picture");
    }

    @Test
    void aNameWhoseSlugIsTakenGetsTheNextFreeOne() {
        long first = editing.create(new Form("Zoë Ball", "person", "", "", ""), EDNA, NOW);
        long second = editing.create(new Form("Zoe Ball", "person", "", "", ""), EDNA, NOW);
        long third = editing.create(new Form("Zoe  Ball!", "person", "", "", ""), EDNA, NOW);
        long unsluggable = editing.create(new Form("李明", "person", "", "", ""), EDNA, NOW);

        assertThat(List.of(first, second, third, unsluggable)).extracting(id -> store.byId(id).orElseThrow().slug())
                .containsExactly("zoe-ball", "zoe-ball-2", "zoe-ball-3", "contributor");
    }

    @Test
    void aChangeKeepsTheSlugAndIsAudited() {
        long id = editing.create(new Form("Jane Smith", "person", "", "", ""), EDNA, NOW);
        long picture = picture("portrait");

        var changed = editing.change(id, new Form("Jane Smith-Jones", "desk", "Chief reporter", "A bio.", String.valueOf(picture)), EDNA, NOW);

        assertThat(changed).contains(List.of("name", "kind", "jobTitle", "bio", "picture"));
        assertThat(store.byId(id)).contains(new Contributor(id, "jane-smith", "Jane Smith-Jones", true, "Chief reporter", "A bio.", picture));
        assertThat(audit()).containsExactly("contributor created Jane Smith", "contributor changed Jane Smith-Jones");
        assertThat(strings("SELECT details->>'from' FROM audit_log WHERE action = 'contributor changed'")).containsExactly("Jane Smith");
        assertThat(store.bySlug("jane-smith")).isPresent();
    }

    @Test
    void aSaveThatChangesNothingIsNotAudited() {
        long id = editing.create(new Form("Jane Smith", "person", "Reporter", "A bio.", ""), EDNA, NOW);

        assertThat(editing.change(id, new Form(" Jane Smith", "person", "Reporter ", "A bio.\n\n", ""), EDNA, NOW)).contains(List.of());
        assertThat(audit()).containsExactly("contributor created Jane Smith");
    }

    @Test
    void theirPictureCanBeRemoved() {
        long id = editing.create(new Form("Jane Smith", "person", "", "", String.valueOf(picture("portrait"))), EDNA, NOW);

        assertThat(editing.change(id, new Form("Jane Smith", "person", "", "", ""), EDNA, NOW)).contains(List.of("picture"));
        assertThat(store.byId(id).orElseThrow().pictureId()).isNull();
    }

    @Test
    void aChangeCannotTakeAnotherContributorsNameButMayChangeTheCaseOfItsOwn() {
        editing.create(new Form("Jane Smith", "person", "", "", ""), EDNA, NOW);
        long other = editing.create(new Form("John Smith", "person", "", "", ""), EDNA, NOW);

        var refused = catchThrowableOfType(ContributorEditing.Refused.class,
                () -> editing.change(other, new Form("jane smith", "person", "", "", ""), EDNA, NOW));

        assertThat(refused.problems()).containsEntry("name", "There is already a contributor called Jane Smith.");
        assertThat(store.byId(other).orElseThrow().name()).isEqualTo("John Smith");
        assertThat(editing.change(other, new Form("JOHN Smith", "person", "", "", ""), EDNA, NOW)).contains(List.of("name"));
    }

    @Test
    void aMissingContributorIsNeitherChangedNorDeleted() {
        assertThat(editing.change(4242, new Form("Jane Smith", "person", "", "", ""), EDNA, NOW)).isEmpty();
        assertThat(editing.delete(4242, EDNA, NOW)).isInstanceOf(Deletion.NotFound.class);
        assertThat(TestDatabase.rowCounts().values()).allMatch(n -> n == 0);
    }

    @Test
    void anUnusedContributorIsDeletedAndAudited() {
        long id = editing.create(new Form("Jane Smith", "person", "", "", ""), EDNA, NOW);

        var deletion = editing.delete(id, EDNA, NOW);

        assertThat(deletion).isInstanceOf(Deletion.Deleted.class);
        assertThat(store.byId(id)).isEmpty();
        assertThat(audit()).containsExactly("contributor created Jane Smith", "contributor deleted Jane Smith");
    }

    @Test
    void aBylinedContributorIsNotDeletedAndTheAnswerCountsTheArticles() {
        new Fixtures(TestDatabase.tempDir("contributors-")).store(NOW,
                story("One").bylines("Jane Reporter").build(),
                story("Two").bylines("Jane Reporter", "Our Foreign Staff").build());
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE articles SET status = 'draft' WHERE headline = 'Two'"));
        long id = store.bySlug("jane-reporter").orElseThrow().id();
        var before = TestDatabase.rowCounts();

        var deletion = editing.delete(id, EDNA, NOW);

        assertThat(deletion).isInstanceOfSatisfying(Deletion.InUse.class, u -> {
            assertThat(u.uses().articles()).isEqualTo(2);
            assertThat(u.uses().published()).isEqualTo(1);
            assertThat(u.uses().staff()).isEmpty();
        });
        assertThat(TestDatabase.rowCounts()).isEqualTo(before);
    }

    @Test
    void aContributorAStaffAccountWritesUnderIsNotDeleted() {
        long staff = Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        long id = editing.create(new Form("Rita Reporter", "person", "", "", ""), EDNA, NOW);
        assertThat(editing.link(id, staff, true, EDNA, NOW)).isTrue();
        var before = TestDatabase.rowCounts();

        var deletion = editing.delete(id, EDNA, NOW);

        assertThat(deletion).isInstanceOfSatisfying(Deletion.InUse.class, u -> {
            assertThat(u.uses().articles()).isZero();
            assertThat(u.uses().staff()).containsExactly(new ContributorStore.LinkedStaff(staff, "Rita Reporter", "reporter", true));
        });
        assertThat(TestDatabase.rowCounts()).isEqualTo(before);
    }

    @Test
    void deletingTheirPictureFromTheLibraryLeavesTheContributorWithoutOne() {
        long picture = picture("portrait");
        long id = editing.create(new Form("Jane Smith", "person", "", "", String.valueOf(picture)), EDNA, NOW);
        var deletion = new PictureDeletion(TestDatabase.jdbi(), new LocalBlobStore(TestDatabase.tempDir("blobs-")), new PictureRemoval());

        var warning = deletion.delete(picture, false, EDNA, NOW);
        var deleted = deletion.delete(picture, true, EDNA, NOW);

        assertThat(warning).isInstanceOfSatisfying(PictureDeletion.Outcome.InUse.class,
                u -> assertThat(u.uses().contributors()).extracting(LibraryStore.ContributorUse::name).containsExactly("Jane Smith"));
        assertThat(deleted).isInstanceOf(PictureDeletion.Outcome.Deleted.class);
        assertThat(store.byId(id).orElseThrow().pictureId()).isNull();
        var refused = catchThrowableOfType(ContributorEditing.Refused.class,
                () -> editing.change(id, new Form("Jane Smith", "person", "", "", String.valueOf(picture)), EDNA, NOW));
        assertThat(refused.problems()).containsOnlyKeys("picture");
    }

    @Test
    void theNewsroomListSearchesNamesFiltersByKindAndCountsPublishedArticles() {
        new Fixtures(TestDatabase.tempDir("contributors-")).store(NOW,
                story("One").bylines("Jane Reporter").build(),
                story("Two").bylines("Jane Reporter", "Our Foreign Staff").build());
        editing.create(new Form("Ann 100% Sure_Thing", "person", "", "", ""), EDNA, NOW);

        assertThat(store.page(null, null, 1, 50).items()).extracting(l -> l.contributor().name() + " " + l.published())
                .containsExactly("Ann 100% Sure_Thing 0", "Jane Reporter 2", "Our Foreign Staff 1");
        assertThat(store.page("REPORT", null, 1, 50).items()).extracting(l -> l.contributor().name()).containsExactly("Jane Reporter");
        assertThat(store.page("%", null, 1, 50).items()).extracting(l -> l.contributor().name()).containsExactly("Ann 100% Sure_Thing");
        assertThat(store.page("e_t", null, 1, 50).items()).extracting(l -> l.contributor().name()).containsExactly("Ann 100% Sure_Thing");
        assertThat(store.page("e_R", null, 1, 50).items()).as("_ is not a wildcard").isEmpty();
        assertThat(store.page(null, true, 1, 50).items()).extracting(l -> l.contributor().name()).containsExactly("Our Foreign Staff");
        var second = store.page(null, false, 2, 1);
        assertThat(second.total()).isEqualTo(2);
        assertThat(second.items()).extracting(l -> l.contributor().name()).containsExactly("Jane Reporter");
    }

    private static long picture(String caption) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO images (sha256, master_key, media_type, width, height, caption, created_at)
                        VALUES (:sha, :key, 'image/jpeg', 800, 800, :caption, :now) RETURNING id""")
                .bind("sha", caption + System.nanoTime()).bind("key", "originals/" + caption + ".jpg").bind("caption", caption)
                .bind("now", NOW).mapTo(Long.class).one());
    }

    private static List<String> audit() {
        return strings("SELECT action || ' ' || subject FROM audit_log ORDER BY id");
    }

    private static List<String> strings(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }
}
