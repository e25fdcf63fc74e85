-- The editors' arrangement of the home page's top stories: the published articles they picked, in the order they lead
-- the page (position 1 is the lead). The home page shows these first, then fills the slots left with the newest stories.
-- An arrangement is rewritten whole by each change (one transaction), so positions need not be consecutive.
CREATE TABLE front_page_picks (
    article_id bigint      PRIMARY KEY REFERENCES articles ON DELETE CASCADE,
    position   int         NOT NULL UNIQUE CHECK (position BETWEEN 1 AND 100),
    picked_at  timestamptz NOT NULL,
    picked_by  bigint      REFERENCES staff ON DELETE SET NULL
);

-- A picked story that stops being published (unpublished, or taken back to a draft) drops out of the arrangement by
-- itself, so it does not come back on the front page if it is published again later. Only a change of status wakes it.
CREATE FUNCTION front_page_pick_unpublished() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM front_page_picks WHERE article_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER front_page_pick_unpublished AFTER UPDATE OF status ON articles
    FOR EACH ROW WHEN (OLD.status = 'published' AND NEW.status <> 'published')
    EXECUTE FUNCTION front_page_pick_unpublished();

-- The arrangement is on the home page only: a change purges the CDN's copy of it (see V185's cdn_purge).
CREATE FUNCTION cdn_front_page_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF cdn_on() THEN PERFORM cdn_purge(ARRAY['home']); END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER cdn_front_page_changed AFTER INSERT OR UPDATE OR DELETE ON front_page_picks
    FOR EACH STATEMENT EXECUTE FUNCTION cdn_front_page_changed();
