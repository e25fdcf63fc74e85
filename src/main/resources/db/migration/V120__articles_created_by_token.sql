-- An article created through the Admin API belongs to the token that created it, so a contributor's
-- token can open, change and submit its own drafts, as a contributor can in the newsroom.
ALTER TABLE articles ADD COLUMN created_by_token bigint REFERENCES api_tokens ON DELETE SET NULL;
