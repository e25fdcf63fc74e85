-- The CDN triggers worked out an article's keys (its section, topics and writers) on every change and only then learnt
-- that no instance purges a CDN, so a paper without one paid for them on every publish and every imported article.
-- Each now asks first.
CREATE FUNCTION cdn_on() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM cdn_purging WHERE heartbeat > now() - interval '10 minutes')
$$;

CREATE OR REPLACE FUNCTION cdn_article_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    before articles%ROWTYPE;
BEGIN
    IF NOT cdn_on() THEN RETURN NULL; END IF;
    IF TG_OP = 'DELETE' THEN
        IF OLD.status = 'published' THEN PERFORM cdn_purge(cdn_article_keys(OLD.id, OLD.section_id)); END IF;
    ELSIF TG_OP = 'INSERT' THEN
        IF NEW.status = 'published' THEN PERFORM cdn_purge(cdn_article_keys(NEW.id, NEW.section_id)); END IF;
    ELSIF (OLD.status = 'published' OR NEW.status = 'published') AND OLD IS DISTINCT FROM NEW THEN
        before := OLD;
        before.comment_count := NEW.comment_count;
        IF before IS NOT DISTINCT FROM NEW THEN
            PERFORM cdn_purge(ARRAY['article-' || NEW.id]);
        ELSE
            PERFORM cdn_purge(cdn_article_keys(NEW.id, NEW.section_id) || cdn_article_keys(NEW.id, OLD.section_id));
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION cdn_article_topic_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    link article_topics%ROWTYPE;
BEGIN
    IF NOT cdn_on() THEN RETURN NULL; END IF;
    IF TG_OP = 'DELETE' THEN link := OLD; ELSE link := NEW; END IF;
    IF NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = link.article_id AND a.status <> 'published') THEN
        PERFORM cdn_purge(ARRAY['article-' || link.article_id]
            || ARRAY(SELECT 'topic-' || t.slug FROM topics t WHERE t.id = link.topic_id));
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION cdn_article_byline_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    link article_bylines%ROWTYPE;
BEGIN
    IF NOT cdn_on() THEN RETURN NULL; END IF;
    IF TG_OP = 'DELETE' THEN link := OLD; ELSE link := NEW; END IF;
    IF NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = link.article_id AND a.status <> 'published') THEN
        PERFORM cdn_purge(ARRAY['article-' || link.article_id]
            || ARRAY(SELECT 'contributor-' || c.slug FROM contributors c WHERE c.id = link.contributor_id));
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION cdn_comment_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    c comments%ROWTYPE;
BEGIN
    IF NOT cdn_on() THEN RETURN NULL; END IF;
    IF TG_OP = 'DELETE' THEN c := OLD; ELSE c := NEW; END IF;
    IF c.status IN ('approved', 'deleted') OR (TG_OP = 'UPDATE' AND OLD.status IN ('approved', 'deleted')) THEN
        PERFORM cdn_purge(ARRAY['article-' || c.article_id]);
    END IF;
    RETURN NULL;
END $$;
