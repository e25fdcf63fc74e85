/**
 * Readers' comments under articles: the thread, posting and replying, editing and deleting one's own,
 * recommending and reporting, the counts, and the mail a commenter gets.
 *
 * <p>Glossary:
 * <ul>
 *   <li><b>thread</b>: an article's comments, top-level ones in pages with their replies beneath;</li>
 *   <li><b>state</b> ({@link broadsheet.comment.CommentState}): whether an article takes comments now, from its
 *       policy, the paper's settings and its age;</li>
 *   <li><b>screening</b> ({@link broadsheet.comment.Screening}): what a new comment passes before it shows: the
 *       moderation pipeline decides approve, hold (with the reasons) or reject (with a message for the reader);</li>
 *   <li><b>standing</b>: a commenter's warnings, suspension or ban, and record of approved and rejected comments;</li>
 *   <li><b>editor's pick</b>: a comment the newsroom features;</li>
 *   <li><b>kept HTML</b> ({@code body_html}): a comment's text as the thread shows it ({@link broadsheet.comment.CommentText}),
 *       made when the comment is written or edited; missing ones are made when the server starts.</li>
 * </ul>
 */
package broadsheet.comment;
