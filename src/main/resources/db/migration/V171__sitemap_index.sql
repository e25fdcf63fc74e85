-- The sitemap index's months: an index-only scan of published articles' dates and last changes, no table read.
CREATE INDEX articles_sitemap_idx ON articles (first_published_at, updated_at) WHERE status = 'published';
