package broadsheet.editing;

import broadsheet.article.ArticleOwner;
import broadsheet.shared.AuditLog;
import broadsheet.shared.Staff;
import broadsheet.shared.StaffRole;

/**
 * Who is editing: their role, their staff id and byline (a person), or their token id (an Admin API
 * token), and how to name them in revisions and the audit log.
 */
public record Editor(StaffRole role, Long staffId, Long contributorId, Long tokenId, AuditLog.Actor actor) {
    /** A member of staff, writing under the byline linked to them if they have one. */
    public static Editor person(Staff staff, String ip) {
        return new Editor(staff.role(), staff.id(), staff.contributorId(), null, AuditLog.Actor.of(staff, ip));
    }

    /** An Admin API token with its role, named as {@code actor} in revisions and the audit log. */
    public static Editor token(long tokenId, StaffRole role, AuditLog.Actor actor) {
        return new Editor(role, null, null, tokenId, actor);
    }

    /** Who they are to the rule of whose an article is: they created it, or (a person) it carries their byline. */
    public ArticleOwner owner() {
        return new ArticleOwner(staffId, contributorId, tokenId);
    }

    /**
     * Whose articles their lists and suggestions keep to: their own when the workflow lets them see only theirs (a
     * contributor), or null when they see every article.
     */
    public ArticleOwner onlyOwn() {
        return Workflow.seesAll(role) ? null : owner();
    }
}
