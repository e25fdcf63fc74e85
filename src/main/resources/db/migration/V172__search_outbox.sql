-- The search outbox: one row whenever something a published article shows in search may have changed (the article
-- itself, its topics or bylines, or the name of its section, a topic or a contributor). Every instance reads the rows
-- after the last one it applied and brings its own search index up to date; rows older than a day are pruned.
-- Written by the triggers below, so no code path that changes an article can forget it.
CREATE TABLE search_outbox (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id bigint      NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX search_outbox_created_idx ON search_outbox (created_at);

-- Wakes the instances at once (they also poll); the payload tells the change feed this is for search alone. Once
-- per statement that wrote rows (an INSERT ... SELECT of no rows says nothing).
CREATE FUNCTION search_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM written) THEN PERFORM pg_notify('broadsheet_changes', 'search'); END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER search_outbox_wakes AFTER INSERT ON search_outbox REFERENCING NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_notify();

-- An article that is, was, or stops being published, when a field search keeps changes; or its deletion.
CREATE FUNCTION search_article_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status = 'published' THEN INSERT INTO search_outbox (article_id) VALUES (OLD.id); END IF;
    ELSIF TG_OP = 'INSERT' THEN
        IF NEW.status = 'published' THEN INSERT INTO search_outbox (article_id) VALUES (NEW.id); END IF;
    ELSIF (OLD.status = 'published' OR NEW.status = 'published')
          AND (OLD.status, OLD.path, OLD.headline, OLD.standfirst, OLD.body_html, OLD.section_id, OLD.access,
               OLD.first_published_at)
              IS DISTINCT FROM
              (NEW.status, NEW.path, NEW.headline, NEW.standfirst, NEW.body_html, NEW.section_id, NEW.access,
               NEW.first_published_at) THEN
        INSERT INTO search_outbox (article_id) VALUES (NEW.id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER search_article_changed AFTER INSERT OR UPDATE OR DELETE ON articles
    FOR EACH ROW EXECUTE FUNCTION search_article_changed();

-- A published article's topics or bylines changed (a topic merge moves them too).
CREATE FUNCTION search_article_link_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.article_id ELSE NEW.article_id END;
BEGIN
    INSERT INTO search_outbox (article_id)
    SELECT a.id FROM articles a WHERE a.id = changed AND a.status = 'published';
    IF TG_OP = 'UPDATE' AND OLD.article_id <> NEW.article_id THEN
        INSERT INTO search_outbox (article_id)
        SELECT a.id FROM articles a WHERE a.id = OLD.article_id AND a.status = 'published';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER search_article_topics_changed AFTER INSERT OR UPDATE OR DELETE ON article_topics
    FOR EACH ROW EXECUTE FUNCTION search_article_link_changed();
CREATE TRIGGER search_article_bylines_changed AFTER INSERT OR UPDATE OR DELETE ON article_bylines
    FOR EACH ROW EXECUTE FUNCTION search_article_link_changed();

-- A topic, contributor or section renamed (or given a new slug): every published article that shows it.
CREATE FUNCTION search_topic_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_outbox (article_id)
    SELECT a.id FROM article_topics x JOIN articles a ON a.id = x.article_id
    WHERE x.topic_id = NEW.id AND a.status = 'published';
    RETURN NULL;
END $$;
CREATE TRIGGER search_topic_renamed AFTER UPDATE OF name, slug ON topics
    FOR EACH ROW WHEN ((OLD.name, OLD.slug) IS DISTINCT FROM (NEW.name, NEW.slug))
    EXECUTE FUNCTION search_topic_renamed();

CREATE FUNCTION search_contributor_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_outbox (article_id)
    SELECT a.id FROM article_bylines x JOIN articles a ON a.id = x.article_id
    WHERE x.contributor_id = NEW.id AND a.status = 'published';
    RETURN NULL;
END $$;
CREATE TRIGGER search_contributor_renamed AFTER UPDATE OF name, slug ON contributors
    FOR EACH ROW WHEN ((OLD.name, OLD.slug) IS DISTINCT FROM (NEW.name, NEW.slug))
    EXECUTE FUNCTION search_contributor_renamed();

CREATE FUNCTION search_section_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_outbox (article_id)
    SELECT a.id FROM articles a WHERE a.section_id = NEW.id AND a.status = 'published';
    RETURN NULL;
END $$;
CREATE TRIGGER search_section_renamed AFTER UPDATE OF name, slug ON sections
    FOR EACH ROW WHEN ((OLD.name, OLD.slug) IS DISTINCT FROM (NEW.name, NEW.slug))
    EXECUTE FUNCTION search_section_renamed();
