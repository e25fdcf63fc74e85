-- Topic and contributor pages list their published articles newest first, a page at a time. Each link row carries
-- its article's publication time while the article is published (NULL otherwise), so a page is a walk of one index
-- in the listing's order that stops after the page, however many articles the topic or writer has had.
ALTER TABLE article_topics ADD COLUMN published_at timestamptz;
ALTER TABLE article_bylines ADD COLUMN published_at timestamptz;
UPDATE article_topics x SET published_at = a.first_published_at FROM articles a WHERE a.id = x.article_id AND a.status = 'published';
UPDATE article_bylines x SET published_at = a.first_published_at FROM articles a WHERE a.id = x.article_id AND a.status = 'published';
CREATE INDEX article_topics_listing_idx ON article_topics (topic_id, published_at DESC, article_id DESC) WHERE published_at IS NOT NULL;
CREATE INDEX article_bylines_listing_idx ON article_bylines (contributor_id, published_at DESC, article_id DESC) WHERE published_at IS NOT NULL;

-- A new link row takes its article's publication time.
CREATE FUNCTION article_link_published_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.published_at := (SELECT a.first_published_at FROM articles a WHERE a.id = NEW.article_id AND a.status = 'published');
    RETURN NEW;
END $$;
CREATE TRIGGER article_topics_published_at BEFORE INSERT OR UPDATE OF article_id ON article_topics
    FOR EACH ROW EXECUTE FUNCTION article_link_published_at();
CREATE TRIGGER article_bylines_published_at BEFORE INSERT OR UPDATE OF article_id ON article_bylines
    FOR EACH ROW EXECUTE FUNCTION article_link_published_at();

-- Publishing, unpublishing or re-dating an article carries the change to its link rows.
CREATE FUNCTION article_links_follow_publication() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    listed timestamptz := CASE WHEN NEW.status = 'published' THEN NEW.first_published_at END;
BEGIN
    IF (CASE WHEN OLD.status = 'published' THEN OLD.first_published_at END) IS NOT DISTINCT FROM listed THEN
        RETURN NULL;
    END IF;
    UPDATE article_topics SET published_at = listed WHERE article_id = NEW.id AND published_at IS DISTINCT FROM listed;
    UPDATE article_bylines SET published_at = listed WHERE article_id = NEW.id AND published_at IS DISTINCT FROM listed;
    RETURN NULL;
END $$;
CREATE TRIGGER articles_links_published_at AFTER UPDATE OF status, first_published_at ON articles
    FOR EACH ROW EXECUTE FUNCTION article_links_follow_publication();
