/**
 * The article workflow: writing and saving drafts (with optimistic locking and the conflict screen), autosave,
 * revisions and their comparison, the editorial timeline of published articles (updates, corrections,
 * clarifications), and moving an article through the workflow: submit, publish, schedule, unpublish. Three
 * faces use it and stay thin: the newsroom's editor and article list (the {@code *Pages} classes here), the
 * Admin API ({@code api.admin}) and the importer ({@code importing}).
 *
 * <p>Words used here:
 * <dl>
 *   <dt>draft</dt><dd>what the editor form or the Admin API sends: every field a journalist sets</dd>
 *   <dt>snapshot</dt><dd>an article's content at one save, as a revision keeps it</dd>
 *   <dt>revision</dt><dd>one save of an article, numbered from 1, with who, when and what kind of change</dd>
 *   <dt>version</dt><dd>the article's optimistic-locking number; a save based on an older one is a conflict</dd>
 *   <dt>status</dt><dd>draft, submitted, scheduled, published or unpublished</dd>
 *   <dt>own</dt><dd>an article the person created or whose bylines include theirs; contributors and reporters
 *       work on their own articles, editors on all</dd>
 *   <dt>change kind</dt><dd>for a published article: a minor edit, a significant update (moves "Updated"),
 *       a correction or a clarification (listed under "What changed")</dd>
 *   <dt>autosave</dt><dd>text kept for one person while they type, offered back if they leave without saving</dd>
 * </dl>
 */
package broadsheet.editing;
