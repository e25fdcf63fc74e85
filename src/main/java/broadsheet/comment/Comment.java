package broadsheet.comment;

import java.time.Instant;

/**
 * One comment as a thread shows it.
 *
 * @param readerId   its writer, or null once their account is deleted
 * @param parentId   the comment it answers, or null at the top
 * @param rootId     the top-level comment of its thread (its own id at the top)
 * @param depth      where it shows: 0 at the top, 1 or 2 below
 * @param replyingTo the name of the writer it answers when it was flattened to depth 2, else null
 * @param status     pending, approved, rejected or deleted
 * @param bodyHtml   the text as HTML, as made when it was written or edited, or null when not made yet
 */
public record Comment(long id, long articleId, Long readerId, Long parentId, long rootId, int depth, String authorName, boolean byStaff,
                      String body, String status, Instant featuredAt, int recommendations, Instant createdAt, Instant editedAt,
                      String replyingTo, String bodyHtml) {

    public boolean approved() {
        return "approved".equals(status);
    }

    public boolean pending() {
        return "pending".equals(status);
    }

    public boolean deleted() {
        return "deleted".equals(status);
    }

    public boolean pick() {
        return featuredAt != null;
    }

    public boolean top() {
        return parentId == null;
    }

    public boolean by(Long reader) {
        return reader != null && reader.equals(readerId);
    }

    /** What a thread shows of a deleted reader's name. */
    public static final String DELETED_READER = "Deleted reader";

    /**
     * The name a thread shows: the one it was written under, or "Deleted reader" once the writer's account is gone
     * (their comments kept, as the paper's setting "anonymise" has it).
     */
    public String shownName() {
        return readerId == null ? DELETED_READER : authorName;
    }

    /** The text as HTML (see {@link CommentText}): as made when it was written, or made now if it was not. */
    public String html() {
        return bodyHtml != null ? bodyHtml : CommentText.html(body);
    }
}
