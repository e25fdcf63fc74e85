package broadsheet.moderation;

import broadsheet.comment.Decision;
import broadsheet.comment.Submission;

/**
 * One small check of the {@link Pipeline}: it lets a comment through ({@link Decision#APPROVE}: nothing to say), holds
 * it for a moderator with a reason they can read, or rejects it with a sentence for the reader. A phase looks at the
 * submission alone, so each is tested on its own.
 */
@FunctionalInterface
public interface Phase {
    Decision check(Submission submission);
}
