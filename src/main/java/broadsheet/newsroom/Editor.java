package broadsheet.newsroom;

import broadsheet.account.AuditLog;
import broadsheet.account.StaffRole;
import broadsheet.article.Article;
import java.util.List;

/**
 * Who is editing: their role, their staff id and byline (empty for an API token), and how to name them in
 * revisions and the audit log.
 */
public record Editor(StaffRole role, Long staffId, Long contributorId, AuditLog.Actor actor) {
    /** Whether the article is this person's: they created it, or they are one of its bylines. */
    boolean owns(Article a, List<Long> bylineIds) {
        return (staffId != null && staffId.equals(a.createdBy())) || (contributorId != null && bylineIds.contains(contributorId));
    }
}
