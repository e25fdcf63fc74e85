/**
 * Contributors: the people who write for the paper and the desks ("Our Foreign Staff") that sign
 * unsigned work. A desk is an organisation to search engines; a person is a person.
 *
 * <p>Bylines typed in the editor and named by imports make contributors by name
 * ({@link broadsheet.contributor.ContributorStore#ensure}); editors add, change and delete them in the
 * newsroom ({@link broadsheet.contributor.ContributorNewsroomPages}, with the rules in
 * {@link broadsheet.contributor.ContributorEditing}). A staff account is not a contributor: an editor links
 * it to one, or its first article signed with its own name does. Readers see a contributor (page, index,
 * Content API) only once a published article carries the byline. Words used here: <em>slug</em>, the last
 * part of a contributor's public address, made from the name once and never changed; <em>linked staff</em>,
 * an account that writes under the contributor's byline; <em>public</em>, named by a published article.
 */
package broadsheet.contributor;
