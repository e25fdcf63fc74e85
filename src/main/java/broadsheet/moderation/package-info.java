/**
 * Moderating readers' comments: the screening pipeline every new comment passes, the banned and suspect word
 * lists, the moderators' queues (pending, reported, recent) and their actions on comments and commenters.
 *
 * <p>Glossary:
 * <ul>
 *   <li><b>phase</b>: one small check of the pipeline; it passes, holds (with a reason) or rejects (with a message);</li>
 *   <li><b>held</b>: waiting for a moderator (status {@code pending});</li>
 *   <li><b>warn, suspend, ban</b>: what a moderator does to a commenter: a note they see, no comments for some days,
 *       no comments ever. The last warning is {@code commenters.last_warning} (and {@code commenters.warnings} counts
 *       them): the thread shows it to its reader above the comment form;</li>
 *   <li><b>word lists</b>: banned words (a comment with one is refused) and suspect words (it is held), matched by
 *       {@link broadsheet.moderation.WordMatcher};</li>
 *   <li><b>queue</b>: pending (held), reported (with open reports), recent (everything), paged by key, never by offset.</li>
 * </ul>
 */
package broadsheet.moderation;
