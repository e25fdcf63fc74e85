-- What the triggers do for new articles and for their new bylines and topics is done once per statement, on every
-- row the statement added (a transition table), instead of once per row. An import stores hundreds of articles and
-- their links per statement, and the row triggers' calls cost PostgreSQL more time than the rows themselves; a
-- newsroom's statement adds one row, for which the two ways do the same work. Changes and deletions keep their row
-- triggers, whose INSERT branches no longer run.

-- New articles: queued for the search index, announced to webhook endpoints that want article.published, counted in
-- their sitemap month, and their pages and listings purged from the CDN when an instance purges one (as the row
-- triggers search_article_changed, webhook_article_event, sitemap_months_follow and cdn_article_changed did).
CREATE FUNCTION articles_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_outbox (article_id) SELECT id FROM added WHERE status = 'published' ORDER BY id;
    IF EXISTS (SELECT 1 FROM webhook_endpoints WHERE enabled AND 'article.published' = ANY (events)) THEN
        INSERT INTO webhook_events (type, article_id, occurred_at)
        SELECT 'article.published', id, modified_at FROM added WHERE status = 'published' ORDER BY id
        ON CONFLICT DO NOTHING;
    END IF;
    INSERT INTO sitemap_months AS m (month, articles, last_change)
    SELECT date_trunc('month', first_published_at, 'UTC'), count(*), max(coalesce(updated_at, first_published_at))
    FROM added WHERE status = 'published' GROUP BY 1 ORDER BY 1
    ON CONFLICT (month) DO UPDATE SET articles = m.articles + excluded.articles,
        last_change = greatest(m.last_change, excluded.last_change);
    IF cdn_on() THEN
        PERFORM cdn_purge(ARRAY(SELECT k FROM added, unnest(cdn_article_keys(added.id, added.section_id)) AS k
                                WHERE added.status = 'published'));
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER search_article_changed ON articles;
CREATE TRIGGER search_article_changed AFTER UPDATE OR DELETE ON articles
    FOR EACH ROW EXECUTE FUNCTION search_article_changed();
DROP TRIGGER articles_webhook_events ON articles;
CREATE TRIGGER articles_webhook_events AFTER UPDATE ON articles
    FOR EACH ROW EXECUTE FUNCTION webhook_article_event();
DROP TRIGGER articles_sitemap_months ON articles;
CREATE TRIGGER articles_sitemap_months AFTER DELETE OR UPDATE OF status, first_published_at, updated_at ON articles
    FOR EACH ROW EXECUTE FUNCTION sitemap_months_follow();
DROP TRIGGER cdn_article_changed ON articles;
CREATE TRIGGER cdn_article_changed AFTER UPDATE OR DELETE ON articles
    FOR EACH ROW EXECUTE FUNCTION cdn_article_changed();
CREATE TRIGGER articles_added AFTER INSERT ON articles REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION articles_added();

-- New topics or bylines of articles (one function for both tables: a link row names a topic or a writer): a published
-- article is queued for the search index once per link, and its page and the topic's or writer's purged (as
-- search_article_link_changed, cdn_article_topic_changed and cdn_article_byline_changed did).
CREATE FUNCTION article_links_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_outbox (article_id)
    SELECT a.id FROM added x JOIN articles a ON a.id = x.article_id WHERE a.status = 'published' ORDER BY a.id;
    IF cdn_on() THEN
        PERFORM cdn_purge(ARRAY(
            SELECT k FROM (SELECT x.article_id, to_jsonb(x) AS link FROM added x) x,
                unnest(ARRAY['article-' || x.article_id]
                       || ARRAY(SELECT 'topic-' || t.slug FROM topics t WHERE t.id = (x.link ->> 'topic_id')::bigint)
                       || ARRAY(SELECT 'contributor-' || c.slug FROM contributors c
                                WHERE c.id = (x.link ->> 'contributor_id')::bigint)) AS k
            WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = x.article_id AND a.status <> 'published')));
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER search_article_topics_changed ON article_topics;
CREATE TRIGGER search_article_topics_changed AFTER UPDATE OR DELETE ON article_topics
    FOR EACH ROW EXECUTE FUNCTION search_article_link_changed();
DROP TRIGGER cdn_article_topic_changed ON article_topics;
CREATE TRIGGER cdn_article_topic_changed AFTER UPDATE OR DELETE ON article_topics
    FOR EACH ROW EXECUTE FUNCTION cdn_article_topic_changed();
CREATE TRIGGER article_topics_added AFTER INSERT ON article_topics REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION article_links_added();

DROP TRIGGER search_article_bylines_changed ON article_bylines;
CREATE TRIGGER search_article_bylines_changed AFTER UPDATE OR DELETE ON article_bylines
    FOR EACH ROW EXECUTE FUNCTION search_article_link_changed();
DROP TRIGGER cdn_article_byline_changed ON article_bylines;
CREATE TRIGGER cdn_article_byline_changed AFTER UPDATE OR DELETE ON article_bylines
    FOR EACH ROW EXECUTE FUNCTION cdn_article_byline_changed();
CREATE TRIGGER article_bylines_added AFTER INSERT ON article_bylines REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION article_links_added();
