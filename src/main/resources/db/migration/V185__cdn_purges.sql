-- The CDN purge outbox: one row per surrogate key a change makes stale, written by the triggers below in the very
-- transaction that makes the change (so no way of publishing, editing or moderating can forget one, and a change that
-- rolls back purges nothing). The purge sender on each instance claims due rows (FOR UPDATE SKIP LOCKED, so each row
-- goes out from one instance), sends them to the configured CDN, and marks them sent, or tries again a few times.
-- The key '*' stands for everything (a section's or the paper's name is on every page).
CREATE TABLE cdn_purges (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    surrogate_key   text        NOT NULL CHECK (length(surrogate_key) BETWEEN 1 AND 200),
    tx              bigint      NOT NULL DEFAULT txid_current(),
    created_at      timestamptz NOT NULL DEFAULT now(),
    state           text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    attempts        int         NOT NULL DEFAULT 0,
    -- while pending: when it is next due; while a sender holds it, when that sender's claim lapses
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    finished_at     timestamptz
);
-- one row per key and transaction, however many rows the transaction changes
CREATE UNIQUE INDEX cdn_purges_once_idx ON cdn_purges (tx, surrogate_key);
CREATE INDEX cdn_purges_due_idx ON cdn_purges (next_attempt_at) WHERE state = 'pending';
CREATE INDEX cdn_purges_age_idx ON cdn_purges (created_at);

-- Purging is on while an instance with a CDN configured has said so in the last ten minutes (each such instance
-- says so every minute); without one, the triggers write nothing, so a site without a CDN pays nothing for them.
CREATE TABLE cdn_purging (
    id        boolean PRIMARY KEY DEFAULT true CHECK (id),
    heartbeat timestamptz NOT NULL
);

CREATE FUNCTION cdn_purge(keys text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM cdn_purging WHERE heartbeat > now() - interval '10 minutes') THEN RETURN; END IF;
    INSERT INTO cdn_purges (surrogate_key)
    SELECT DISTINCT k FROM unnest(keys) k WHERE k IS NOT NULL
    ON CONFLICT DO NOTHING;
END $$;

-- Everything an article's pages and the listings that show it are labelled with (ArticlePages.surrogateKeys, the
-- home page and feeds, the section, topic and author pages, the Content API's list).
CREATE FUNCTION cdn_article_keys(article bigint, section bigint) RETURNS text[] LANGUAGE sql STABLE AS $$
    SELECT ARRAY['article-' || article, 'home', 'feeds', 'articles']
        || ARRAY(SELECT 'section-' || s.slug FROM sections s WHERE s.id = section)
        || ARRAY(SELECT 'topic-' || t.slug FROM article_topics x JOIN topics t ON t.id = x.topic_id WHERE x.article_id = article)
        || ARRAY(SELECT 'contributor-' || c.slug FROM article_bylines x JOIN contributors c ON c.id = x.contributor_id
                 WHERE x.article_id = article)
$$;

-- An article that is, was, or stops being published: stored, changed or deleted. A change of its comment count alone
-- concerns its own pages only.
CREATE FUNCTION cdn_article_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    before articles%ROWTYPE;
BEGIN
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
CREATE TRIGGER cdn_article_changed AFTER INSERT OR UPDATE OR DELETE ON articles
    FOR EACH ROW EXECUTE FUNCTION cdn_article_changed();

-- A topic or byline added to or taken from a published article (or from one being deleted: the link goes after it).
CREATE FUNCTION cdn_article_topic_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    link article_topics%ROWTYPE;
BEGIN
    IF TG_OP = 'DELETE' THEN link := OLD; ELSE link := NEW; END IF;
    IF NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = link.article_id AND a.status <> 'published') THEN
        PERFORM cdn_purge(ARRAY['article-' || link.article_id]
            || ARRAY(SELECT 'topic-' || t.slug FROM topics t WHERE t.id = link.topic_id));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER cdn_article_topic_changed AFTER INSERT OR UPDATE OR DELETE ON article_topics
    FOR EACH ROW EXECUTE FUNCTION cdn_article_topic_changed();

CREATE FUNCTION cdn_article_byline_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    link article_bylines%ROWTYPE;
BEGIN
    IF TG_OP = 'DELETE' THEN link := OLD; ELSE link := NEW; END IF;
    IF NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = link.article_id AND a.status <> 'published') THEN
        PERFORM cdn_purge(ARRAY['article-' || link.article_id]
            || ARRAY(SELECT 'contributor-' || c.slug FROM contributors c WHERE c.id = link.contributor_id));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER cdn_article_byline_changed AFTER INSERT OR UPDATE OR DELETE ON article_bylines
    FOR EACH ROW EXECUTE FUNCTION cdn_article_byline_changed();

-- A topic or contributor changed or deleted: its own page, the pages of the articles that show it (labelled with it
-- too) and the index of them all, under the old slug and the new.
CREATE FUNCTION cdn_topic_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM cdn_purge(ARRAY['topic-' || OLD.slug, 'topics']);
    ELSE
        PERFORM cdn_purge(ARRAY['topic-' || OLD.slug, 'topic-' || NEW.slug, 'topics']);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER cdn_topic_changed AFTER UPDATE OR DELETE ON topics
    FOR EACH ROW EXECUTE FUNCTION cdn_topic_changed();

CREATE FUNCTION cdn_contributor_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM cdn_purge(ARRAY['contributor-' || OLD.slug, 'contributors']);
    ELSE
        PERFORM cdn_purge(ARRAY['contributor-' || OLD.slug, 'contributor-' || NEW.slug, 'contributors']);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER cdn_contributor_changed AFTER UPDATE OR DELETE ON contributors
    FOR EACH ROW EXECUTE FUNCTION cdn_contributor_changed();

-- Sections are in every page's navigation, and the paper's name and tagline in every masthead: everything.
CREATE FUNCTION cdn_everything_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM cdn_purge(ARRAY['*']);
    RETURN NULL;
END $$;
CREATE TRIGGER cdn_section_changed AFTER INSERT OR UPDATE OR DELETE ON sections
    FOR EACH STATEMENT EXECUTE FUNCTION cdn_everything_changed();
CREATE TRIGGER cdn_settings_changed AFTER INSERT OR UPDATE ON site_settings
    FOR EACH STATEMENT EXECUTE FUNCTION cdn_everything_changed();

-- A comment that shows (or showed) in a thread: stored, moderated, edited, picked, recommended or deleted.
CREATE FUNCTION cdn_comment_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    c comments%ROWTYPE;
BEGIN
    IF TG_OP = 'DELETE' THEN c := OLD; ELSE c := NEW; END IF;
    IF c.status IN ('approved', 'deleted') OR (TG_OP = 'UPDATE' AND OLD.status IN ('approved', 'deleted')) THEN
        PERFORM cdn_purge(ARRAY['article-' || c.article_id]);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER cdn_comment_changed AFTER INSERT OR UPDATE OR DELETE ON comments
    FOR EACH ROW EXECUTE FUNCTION cdn_comment_changed();
