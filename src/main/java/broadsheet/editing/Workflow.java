package broadsheet.editing;

import broadsheet.shared.StaffRole;
import broadsheet.article.Status;
import java.util.EnumSet;
import java.util.Set;

/**
 * The rules of the workflow (draft, submitted, scheduled, published, unpublished) by role, as pure
 * functions. A contributor writes and submits their own drafts; a reporter also edits their own published
 * articles; an editor edits, publishes, schedules and unpublishes anything. "Own" means the person created
 * the article or is one of its bylines. Who is asking, and whether the article is theirs, the callers say.
 */
public final class Workflow {
    private Workflow() {}

    /** Things one can do to an article. */
    public enum Action { EDIT, SUBMIT, PUBLISH, SCHEDULE, UNPUBLISH, RESTORE }

    public static boolean canCreate(StaffRole role) {
        return role.atLeast(StaffRole.CONTRIBUTOR);
    }

    public static boolean may(StaffRole role, boolean own, Status status, Action action) {
        if (role.atLeast(StaffRole.EDITOR)) return from(status, action);
        return switch (action) {
            case EDIT, RESTORE -> own && (status == Status.DRAFT || status == Status.SUBMITTED
                    || (role.atLeast(StaffRole.REPORTER) && status == Status.PUBLISHED));
            case SUBMIT -> own && status == Status.DRAFT;
            case PUBLISH, SCHEDULE, UNPUBLISH -> false;
        };
    }

    /** Whether the action makes sense from this status at all, whoever asks. */
    public static boolean from(Status status, Action action) {
        return switch (action) {
            case EDIT, RESTORE -> true;
            case SUBMIT -> status == Status.DRAFT;
            case PUBLISH -> status != Status.PUBLISHED;
            case SCHEDULE -> EnumSet.of(Status.DRAFT, Status.SUBMITTED, Status.SCHEDULED, Status.UNPUBLISHED).contains(status);
            case UNPUBLISH -> status == Status.PUBLISHED || status == Status.SCHEDULED;
        };
    }

    /** What this person may do to this article now, for the editor's buttons. */
    public static Set<Action> allowed(StaffRole role, boolean own, Status status) {
        Set<Action> out = EnumSet.noneOf(Action.class);
        for (Action a : Action.values()) if (may(role, own, status, a)) out.add(a);
        return out;
    }

    /** Whether the list shows every article or only one's own. */
    public static boolean seesAll(StaffRole role) {
        return role.atLeast(StaffRole.REPORTER);
    }
}
