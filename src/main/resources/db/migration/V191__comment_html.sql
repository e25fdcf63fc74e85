-- Each comment's text as the thread shows it (paragraphs, line breaks and links, everything else escaped: see
-- CommentText), made once when the comment is written or edited rather than on every view. NULL: not made yet; the
-- server makes the missing ones when it starts (the comments written before this column, or by a writer that sets
-- only the text), and a thread shows a missing one by making it on the spot.
ALTER TABLE comments ADD COLUMN body_html text;
CREATE INDEX comments_html_missing ON comments (id) WHERE body_html IS NULL;

-- a change of the text that does not bring its HTML leaves the HTML to be made again, never stale
CREATE FUNCTION comments_html_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.body IS DISTINCT FROM OLD.body AND NEW.body_html IS NOT DISTINCT FROM OLD.body_html THEN
        NEW.body_html := NULL;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER comments_html_stale BEFORE UPDATE OF body ON comments FOR EACH ROW EXECUTE FUNCTION comments_html_stale();
