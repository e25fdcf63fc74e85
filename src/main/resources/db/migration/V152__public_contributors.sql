-- /authors/ and /api/v1/authors walk the contributors in the order they are shown (people, then desks,
-- each by name) and stop after a page, however many contributors there are.
CREATE INDEX contributors_listing_idx ON contributors ((kind = 'desk'), lower(name), id);

-- A staff account is no longer a public writer by itself. Its name is the one an admin gave, or (made on the
-- command line without --name) the part of its email before @, which stands in for a name in the newsroom
-- but is never put on a byline.
ALTER TABLE staff ADD COLUMN name_from_email boolean NOT NULL DEFAULT false;
UPDATE staff SET name_from_email = true WHERE name = split_part(email, '@', 1);

-- Bylines that were made for such accounts when they were created, and that nothing has used since (no
-- article, no details, no other account), go: they were never anyone's choice of byline.
CREATE TEMPORARY TABLE unused_account_bylines ON COMMIT DROP AS
SELECT s.contributor_id AS id FROM staff s JOIN contributors c ON c.id = s.contributor_id
WHERE s.name_from_email AND c.name = s.name AND c.job_title = '' AND c.bio = '' AND c.picture_id IS NULL
  AND NOT EXISTS (SELECT 1 FROM article_bylines b WHERE b.contributor_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM staff o WHERE o.contributor_id = c.id AND o.id <> s.id);
UPDATE staff SET contributor_id = NULL WHERE contributor_id IN (SELECT id FROM unused_account_bylines);
DELETE FROM contributors WHERE id IN (SELECT id FROM unused_account_bylines);
