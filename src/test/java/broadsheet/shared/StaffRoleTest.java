package broadsheet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The roles' powers: a chain contributor, reporter, editor, admin, and the moderator a branch beside it: contributor
 * powers plus moderation, which editors and admins have too and reporters do not.
 */
class StaffRoleTest {
    private static Set<StaffRole> atLeast(StaffRole needed) {
        Set<StaffRole> out = EnumSet.noneOf(StaffRole.class);
        for (StaffRole r : StaffRole.values()) if (r.atLeast(needed)) out.add(r);
        return out;
    }

    @Test
    void everyRoleHasContributorPowers() {
        assertThat(atLeast(StaffRole.CONTRIBUTOR)).containsExactlyInAnyOrder(StaffRole.values());
    }

    @Test
    void moderationIsForModeratorsEditorsAndAdminsNotReporters() {
        assertThat(atLeast(StaffRole.MODERATOR)).containsExactlyInAnyOrder(StaffRole.MODERATOR, StaffRole.EDITOR, StaffRole.ADMIN);
    }

    @Test
    void aModeratorIsNoReporterEditorOrAdmin() {
        assertThat(atLeast(StaffRole.REPORTER)).containsExactlyInAnyOrder(StaffRole.REPORTER, StaffRole.EDITOR, StaffRole.ADMIN);
        assertThat(atLeast(StaffRole.EDITOR)).containsExactlyInAnyOrder(StaffRole.EDITOR, StaffRole.ADMIN);
        assertThat(atLeast(StaffRole.ADMIN)).containsExactly(StaffRole.ADMIN);
        assertThat(StaffRole.MODERATOR.atLeast(StaffRole.CONTRIBUTOR)).isTrue();
    }

    @Test
    void theWordsRoundTrip() {
        for (StaffRole r : StaffRole.values()) assertThat(StaffRole.fromWord(r.word())).hasValue(r);
        assertThat(StaffRole.MODERATOR.label()).isEqualTo("Moderator");
        assertThat(StaffRole.fromWord("Moderator")).isEmpty();
    }
}
