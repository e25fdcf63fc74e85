package broadsheet.comment;

import broadsheet.settings.CommentSettings;
import java.time.Instant;

/**
 * A new comment (or reply) as screening sees it, with everything its phases need, so each phase is a function of
 * this alone.
 *
 * @param body      the text as the reader sent it (already stripped of surrounding white space)
 * @param reply     whether it answers another comment
 * @param state     the article's comment state now
 * @param standing  the writer's record and standing
 * @param history   the writer's recent comments
 * @param rules     the paper's comment settings
 */
public record Submission(long articleId, long readerId, String body, boolean reply, CommentState state, Standing standing,
                         History history, CommentSettings rules, Instant now) {

    /**
     * The writer's recent comments, whatever became of them.
     *
     * @param total        comments they ever posted
     * @param lastPostedAt when they last posted, or null
     * @param lastHour     comments they posted in the hour before now
     * @param lastBody     the text of their last comment, or null
     */
    public record History(int total, Instant lastPostedAt, int lastHour, String lastBody) {
        public static final History NONE = new History(0, null, 0, null);
    }
}
