package broadsheet.editing;

import broadsheet.article.ArticleOwner;
import broadsheet.shared.AuditLog;
import broadsheet.shared.StaffRole;

/**
 * Who is editing: their role, their staff id and byline (a person), or their token id (an Admin API
 * token), and how to name them in revisions and the audit log.
 */
public record Editor(StaffRole role, Long staffId, Long contributorId, Long tokenId, AuditLog.Actor actor) {
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
