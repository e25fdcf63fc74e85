package broadsheet.editing;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.StaffRole;
import broadsheet.article.Status;
import broadsheet.editing.Workflow.Action;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The workflow rules as a table: for every role, whether the article is the person's own, and every status,
 * exactly the actions allowed. The table is the specification (issue 3); the code must match it row for row.
 */
class WorkflowTest {
    @ParameterizedTest(name = "{0}, own={1}, {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            CONTRIBUTOR | true  | DRAFT       | EDIT RESTORE SUBMIT
            CONTRIBUTOR | true  | SUBMITTED   | EDIT RESTORE
            CONTRIBUTOR | true  | SCHEDULED   |
            CONTRIBUTOR | true  | PUBLISHED   |
            CONTRIBUTOR | true  | UNPUBLISHED |
            CONTRIBUTOR | false | DRAFT       |
            CONTRIBUTOR | false | SUBMITTED   |
            CONTRIBUTOR | false | SCHEDULED   |
            CONTRIBUTOR | false | PUBLISHED   |
            CONTRIBUTOR | false | UNPUBLISHED |
            REPORTER    | true  | DRAFT       | EDIT RESTORE SUBMIT
            REPORTER    | true  | SUBMITTED   | EDIT RESTORE
            REPORTER    | true  | SCHEDULED   |
            REPORTER    | true  | PUBLISHED   | EDIT RESTORE
            REPORTER    | true  | UNPUBLISHED |
            REPORTER    | false | DRAFT       |
            REPORTER    | false | SUBMITTED   |
            REPORTER    | false | SCHEDULED   |
            REPORTER    | false | PUBLISHED   |
            REPORTER    | false | UNPUBLISHED |
            EDITOR      | true  | DRAFT       | EDIT RESTORE SUBMIT PUBLISH SCHEDULE
            EDITOR      | true  | SUBMITTED   | EDIT RESTORE PUBLISH SCHEDULE
            EDITOR      | true  | SCHEDULED   | EDIT RESTORE PUBLISH SCHEDULE UNPUBLISH
            EDITOR      | true  | PUBLISHED   | EDIT RESTORE UNPUBLISH
            EDITOR      | true  | UNPUBLISHED | EDIT RESTORE PUBLISH SCHEDULE
            EDITOR      | false | DRAFT       | EDIT RESTORE SUBMIT PUBLISH SCHEDULE
            EDITOR      | false | SUBMITTED   | EDIT RESTORE PUBLISH SCHEDULE
            EDITOR      | false | SCHEDULED   | EDIT RESTORE PUBLISH SCHEDULE UNPUBLISH
            EDITOR      | false | PUBLISHED   | EDIT RESTORE UNPUBLISH
            EDITOR      | false | UNPUBLISHED | EDIT RESTORE PUBLISH SCHEDULE
            ADMIN       | true  | DRAFT       | EDIT RESTORE SUBMIT PUBLISH SCHEDULE
            ADMIN       | true  | SUBMITTED   | EDIT RESTORE PUBLISH SCHEDULE
            ADMIN       | true  | SCHEDULED   | EDIT RESTORE PUBLISH SCHEDULE UNPUBLISH
            ADMIN       | true  | PUBLISHED   | EDIT RESTORE UNPUBLISH
            ADMIN       | true  | UNPUBLISHED | EDIT RESTORE PUBLISH SCHEDULE
            ADMIN       | false | DRAFT       | EDIT RESTORE SUBMIT PUBLISH SCHEDULE
            ADMIN       | false | SUBMITTED   | EDIT RESTORE PUBLISH SCHEDULE
            ADMIN       | false | SCHEDULED   | EDIT RESTORE PUBLISH SCHEDULE UNPUBLISH
            ADMIN       | false | PUBLISHED   | EDIT RESTORE UNPUBLISH
            ADMIN       | false | UNPUBLISHED | EDIT RESTORE PUBLISH SCHEDULE
            """)
    void eachRoleMayDoExactlyWhatTheTableSays(StaffRole role, boolean own, Status status, String actions) {
        Set<Action> expected = actions(actions);

        assertThat(Workflow.allowed(role, own, status)).isEqualTo(expected);
        for (Action a : Action.values()) {
            assertThat(Workflow.may(role, own, status, a)).as("%s %s", a, status).isEqualTo(expected.contains(a));
        }
    }

    @ParameterizedTest
    @EnumSource(StaffRole.class)
    void nobodyBelowEditorEverPublishesSchedulesOrUnpublishes(StaffRole role) {
        boolean editor = role.atLeast(StaffRole.EDITOR);
        for (Status status : Status.values()) {
            for (boolean own : new boolean[] {true, false}) {
                for (Action a : EnumSet.of(Action.PUBLISH, Action.SCHEDULE, Action.UNPUBLISH)) {
                    if (!editor) assertThat(Workflow.may(role, own, status, a)).as("%s %s %s own=%s", role, a, status, own).isFalse();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} from {1} is refused")
    @CsvSource({
            "UNPUBLISH, DRAFT", "UNPUBLISH, SUBMITTED", "UNPUBLISH, UNPUBLISHED",
            "SUBMIT, SUBMITTED", "SUBMIT, SCHEDULED", "SUBMIT, PUBLISHED", "SUBMIT, UNPUBLISHED",
            "PUBLISH, PUBLISHED", "SCHEDULE, PUBLISHED"})
    void movesFromTheWrongStatusAreRefusedEvenToAnAdmin(Action action, Status status) {
        assertThat(Workflow.from(status, action)).isFalse();
        assertThat(Workflow.may(StaffRole.ADMIN, true, status, action)).isFalse();
    }

    @Test
    void everyRoleMayWriteAndOnlyContributorsSeeJustTheirOwnList() {
        for (StaffRole role : StaffRole.values()) assertThat(Workflow.canCreate(role)).isTrue();
        assertThat(Workflow.seesAll(StaffRole.CONTRIBUTOR)).isFalse();
        assertThat(Workflow.seesAll(StaffRole.REPORTER)).isTrue();
        assertThat(Workflow.seesAll(StaffRole.EDITOR)).isTrue();
        assertThat(Workflow.seesAll(StaffRole.ADMIN)).isTrue();
    }

    private static Set<Action> actions(String words) {
        if (words == null || words.isBlank()) return EnumSet.noneOf(Action.class);
        return Arrays.stream(words.trim().split("\\s+")).map(Action::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Action.class)));
    }
}
