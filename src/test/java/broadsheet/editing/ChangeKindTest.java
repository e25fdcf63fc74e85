package broadsheet.editing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The editorial timeline's rules, kind by kind: only a significant update moves the public "Updated" time;
 * every kind but a minor edit is listed for readers; corrections and clarifications need a note.
 * ArticleEditingIT checks that saves follow these rules in the database.
 */
class ChangeKindTest {
    @ParameterizedTest(name = "{0}: public={1}, moves Updated={2}, needs a note={3}")
    @CsvSource({
            "MINOR,         false, false, false",
            "UPDATE,        true,  true,  false",
            "CORRECTION,    true,  false, true",
            "CLARIFICATION, true,  false, true"})
    void eachKindHasItsRules(ChangeKind kind, boolean isPublic, boolean movesUpdated, boolean needsNote) {
        assertThat(kind.isPublic()).as("public").isEqualTo(isPublic);
        assertThat(kind.movesUpdatedTime()).as("moves Updated").isEqualTo(movesUpdated);
        assertThat(kind.needsNote()).as("needs a note").isEqualTo(needsNote);
    }

    @Test
    void onlyASignificantUpdateMovesTheUpdatedTime() {
        assertThat(ChangeKind.values()).filteredOn(ChangeKind::movesUpdatedTime).containsExactly(ChangeKind.UPDATE);
    }

    @ParameterizedTest
    @EnumSource(ChangeKind.class)
    void theFormWordReadsBackAsTheSameKind(ChangeKind kind) {
        assertThat(ChangeKind.fromWord(kind.word())).contains(kind);
        assertThat(kind.label()).isNotBlank();
    }

    @Test
    void theStoredWordsMatchTheDatabaseCheck() {
        // article_changes.kind allows 'update', 'correction', 'clarification': every public kind's word
        assertThat(ChangeKind.values()).filteredOn(ChangeKind::isPublic).extracting(ChangeKind::word)
                .containsExactly("update", "correction", "clarification");
    }

    @ParameterizedTest
    @CsvSource({"''", "UPDATE", "Correction", "minor edit", "delete"})
    void unknownWordsAreNoKind(String word) {
        assertThat(ChangeKind.fromWord(word)).isEmpty();
    }
}
