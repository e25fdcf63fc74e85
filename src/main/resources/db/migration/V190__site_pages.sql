-- The paper's own pages (about, contact, corrections and complaints, privacy, terms), whose text editors write in the
-- newsroom. A page without a row, or with an empty body, is not shown: no link in the footer, 404 at its address.
-- Their addresses are /info/{slug}/: two segments, which no section's own page (/{section}/) has, so no section can
-- take their place, whatever its slug; a new section cannot be called "info" (Slugs.RESERVED).
CREATE TABLE site_pages (
    slug        text PRIMARY KEY CHECK (slug IN ('about', 'contact', 'corrections', 'privacy', 'terms')),
    title       text        NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    body_source text        NOT NULL CHECK (length(body_source) <= 20000),
    body_html   text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  bigint REFERENCES staff ON DELETE SET NULL
);

-- The footer of every page links the pages that have text: a change purges everything from the CDN.
CREATE TRIGGER cdn_site_pages_changed AFTER INSERT OR UPDATE OR DELETE ON site_pages
    FOR EACH STATEMENT EXECUTE FUNCTION cdn_everything_changed();
