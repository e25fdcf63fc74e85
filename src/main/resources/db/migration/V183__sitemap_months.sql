-- The sitemap index's months: one row per month (UTC) that has published articles, with how many and their latest
-- change, kept by a trigger on articles, so the index is read from a table of a few hundred rows instead of
-- counting the archive on each request. A publication adds one to its month; an unpublication, a deletion, a move to
-- another month or a change of an article's update time reads that month's latest change again (one range of
-- articles_sitemap_idx, a month's articles, never the archive).
CREATE TABLE sitemap_months (
    month       timestamptz PRIMARY KEY,
    articles    int         NOT NULL CHECK (articles >= 0),
    last_change timestamptz NOT NULL
);
INSERT INTO sitemap_months (month, articles, last_change)
SELECT date_trunc('month', first_published_at, 'UTC'), count(*), max(coalesce(updated_at, first_published_at))
FROM articles WHERE status = 'published' GROUP BY 1;

CREATE FUNCTION sitemap_months_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was_listed boolean := TG_OP <> 'INSERT' AND OLD.status = 'published';
    is_listed  boolean := TG_OP <> 'DELETE' AND NEW.status = 'published';
    old_month  timestamptz;
BEGIN
    IF NOT was_listed AND NOT is_listed THEN RETURN NULL; END IF;
    IF was_listed AND is_listed AND OLD.first_published_at = NEW.first_published_at
       AND coalesce(OLD.updated_at, OLD.first_published_at) = coalesce(NEW.updated_at, NEW.first_published_at) THEN
        RETURN NULL;
    END IF;
    IF was_listed THEN
        old_month := date_trunc('month', OLD.first_published_at, 'UTC');
        -- locked before the month is read again below, so that read sees every publication committed before it
        PERFORM 1 FROM sitemap_months WHERE month = old_month FOR UPDATE;
        UPDATE sitemap_months SET articles = articles - 1 WHERE month = old_month;
    END IF;
    IF is_listed THEN
        INSERT INTO sitemap_months AS m (month, articles, last_change)
        VALUES (date_trunc('month', NEW.first_published_at, 'UTC'), 1, coalesce(NEW.updated_at, NEW.first_published_at))
        ON CONFLICT (month) DO UPDATE SET articles = m.articles + 1, last_change = greatest(m.last_change, excluded.last_change);
    END IF;
    IF was_listed THEN
        DELETE FROM sitemap_months WHERE month = old_month AND articles = 0;
        -- (within one statement that changes many rows, each row's trigger sees the statement's outcome: the month
        -- may look empty before the last of them brings its count to 0 and deletes it)
        UPDATE sitemap_months SET last_change = coalesce((
            SELECT max(coalesce(a.updated_at, a.first_published_at)) FROM articles a
            WHERE a.status = 'published' AND a.first_published_at >= old_month
              AND a.first_published_at < (old_month AT TIME ZONE 'UTC' + interval '1 month') AT TIME ZONE 'UTC'), last_change)
        WHERE month = old_month;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER articles_sitemap_months AFTER INSERT OR DELETE OR UPDATE OF status, first_published_at, updated_at ON articles
    FOR EACH ROW EXECUTE FUNCTION sitemap_months_follow();
