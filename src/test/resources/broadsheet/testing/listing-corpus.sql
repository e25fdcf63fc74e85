-- A generated archive shaped like a paper's, for query plans and benchmarks of the public listings: ${articles}
-- articles over five years in 8 sections, 200 topics (a few much used, most rarely), 20 contributors (one a desk)
-- and 300 who wrote before these five years (a paper's contributors are everyone who ever wrote for it),
-- one to three topics and one or two bylines an article, free, registered and premium mixed, a few drafts and
-- unpublished articles, and some articles sharing their publication time with the one before.
-- Run by Fixtures.listingCorpus, or with psql after replacing ${articles}.
SELECT setseed(0.12);
INSERT INTO sections (slug, name, position)
SELECT s, initcap(s), i FROM unnest(ARRAY['world', 'politics', 'business', 'science', 'sport', 'culture', 'opinion', 'travel'])
    WITH ORDINALITY u(s, i)
ON CONFLICT (slug) DO NOTHING;
INSERT INTO topics (slug, name) SELECT 'corpus-topic-' || g, 'Corpus topic ' || g FROM generate_series(1, 200) g
ON CONFLICT DO NOTHING;
INSERT INTO contributors (slug, name, kind)
SELECT 'corpus-writer-' || g, CASE WHEN g = 20 THEN 'Our Corpus Staff' ELSE 'Corpus Writer ' || g END,
       CASE WHEN g = 20 THEN 'desk' ELSE 'person' END
FROM generate_series(1, 20) g ON CONFLICT DO NOTHING;
INSERT INTO contributors (slug, name, kind)
SELECT 'corpus-former-' || g, 'Former Writer ' || g, 'person' FROM generate_series(1, 300) g ON CONFLICT DO NOTHING;
CREATE TEMPORARY TABLE corpus_sections AS
SELECT id, slug, row_number() OVER (ORDER BY id) - 1 AS n FROM sections
WHERE slug IN ('world', 'politics', 'business', 'science', 'sport', 'culture', 'opinion', 'travel');
CREATE TEMPORARY TABLE corpus AS
SELECT g, CASE WHEN g % 50 = 0 THEN 'draft' WHEN g % 97 = 0 THEN 'unpublished' ELSE 'published' END AS status,
       -- newest first by g; every 40th shares its time with the one before it
       timestamptz '2026-12-01 12:00:00+00' - ((g - (g % 40 = 0)::int) * (interval '5 years' / ${articles})) AS published,
       (SELECT cs FROM corpus_sections cs WHERE cs.n = r.n) AS section,
       CASE WHEN g % 10 < 2 THEN 'premium' WHEN g % 10 = 2 THEN 'registered' ELSE 'free' END AS access
FROM generate_series(1, ${articles}) g CROSS JOIN LATERAL (SELECT (g * 7 + (random() * 3)::int) % 8 AS n) r;
INSERT INTO articles (section_id, slug, path, headline, standfirst, body_html, access, status, first_published_at, updated_at,
                      created_at, modified_at)
SELECT (section).id, 'corpus-' || g,
       CASE WHEN status <> 'draft' THEN '/' || (section).slug || '/' || to_char(published AT TIME ZONE 'UTC', 'YYYY/MM/DD') || '/corpus-' || g || '/' END,
       'Corpus story number ' || g || ' on the matters of the day',
       'What happened, why it matters and what comes next: story ' || g || '.',
       repeat('<p>A paragraph of the story as a reader sees it, with enough words to look like a real one. </p>', 12),
       access, status,
       CASE WHEN status <> 'draft' THEN published END,
       CASE WHEN status <> 'draft' AND g % 7 = 0 THEN published + interval '3 hours' END,
       published - interval '1 day', published
FROM corpus ORDER BY g DESC;
-- The row triggers on the link tables keep one plan per connection; one made earlier on this pooled connection, while
-- articles held a few rows, walks a whole partial index for each row once the archive is large (minutes for 30,000).
-- Fresh statistics, and every kept plan made again from them.
ANALYZE articles;
DISCARD PLANS;
INSERT INTO article_topics (article_id, position, topic_id)
SELECT a.id, p, t.ids[1 + floor(200 * power(random(), 2))::int]
FROM articles a CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM topics WHERE slug LIKE 'corpus-topic-%') t
CROSS JOIN LATERAL generate_series(0, a.id % 3) p
WHERE a.slug LIKE 'corpus-%'
ON CONFLICT DO NOTHING;
INSERT INTO article_bylines (article_id, position, contributor_id)
SELECT a.id, p, c.ids[1 + (a.id * 7 + p * 11) % 20]
FROM articles a CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM contributors WHERE slug LIKE 'corpus-writer-%') c
CROSS JOIN LATERAL generate_series(0, (a.id % 4 = 0)::int) p
WHERE a.slug LIKE 'corpus-%'
ON CONFLICT DO NOTHING;
DROP TABLE corpus;
DROP TABLE corpus_sections;
