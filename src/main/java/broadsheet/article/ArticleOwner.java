package broadsheet.article;

import java.util.List;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Whose an article is: someone's when they created it (a member of staff, or an Admin API token) or when it
 * carries their byline (a member of staff whose byline is linked to them). The one statement of the rule: in Java
 * for an article in hand ({@link #owns}), in SQL for lists and for the names a writer may see ({@link #condition}).
 * Who must keep to their own articles is the workflow's question, not this one's.
 *
 * @param staffId       the member of staff, or null for a token
 * @param contributorId the byline linked to them, or null
 * @param tokenId       the Admin API token, or null for a person
 */
public record ArticleOwner(Long staffId, Long contributorId, Long tokenId) {

    /** Whether the article is theirs; {@code bylineIds} are its bylines' contributors. */
    public boolean owns(Article a, List<Long> bylineIds) {
        return (staffId != null && staffId.equals(a.createdBy()))
                || (contributorId != null && bylineIds.contains(contributorId))
                || (tokenId != null && tokenId.equals(a.createdByToken()));
    }

    /**
     * The same rule as an SQL condition on the {@code articles} row named {@code alias}, with the named parameters
     * {@link #bind} fills. A fact that is null matches nothing, as in {@link #owns}.
     */
    public static String condition(String alias) {
        return "(" + alias + ".created_by = :ownerStaff OR " + alias + ".created_by_token = :ownerToken"
                + " OR EXISTS (SELECT 1 FROM article_bylines owned WHERE owned.article_id = " + alias + ".id"
                + " AND owned.contributor_id = :ownerContributor))";
    }

    /** Binds the named parameters of {@link #condition} to {@code owner}'s facts; a null owner (a list of everyone's) binds nothing. */
    public static <S extends SqlStatement<S>> S bind(S statement, ArticleOwner owner) {
        if (owner == null) return statement;
        return statement.bind("ownerStaff", owner.staffId()).bind("ownerContributor", owner.contributorId())
                .bind("ownerToken", owner.tokenId());
    }
}
