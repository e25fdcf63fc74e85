package broadsheet.editing;

import broadsheet.shared.AuditLog;
import broadsheet.shared.StaffRole;
import broadsheet.article.Article;
import java.util.List;

/**
 * Who is editing: their role, their staff id and byline (a person), or their token id (an Admin API
 * token), and how to name them in revisions and the audit log.
 */
public record Editor(StaffRole role, Long staffId, Long contributorId, Long tokenId, AuditLog.Actor actor) {
    /** Whether the article is theirs: they created it, or (a person) they are one of its bylines. */
    public boolean owns(Article a, List<Long> bylineIds) {
        return (staffId != null && staffId.equals(a.createdBy()))
                || (contributorId != null && bylineIds.contains(contributorId))
                || (tokenId != null && tokenId.equals(a.createdByToken()));
    }
}
