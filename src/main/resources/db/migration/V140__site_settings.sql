-- The paper's settings, changed by admins in the newsroom (/newsroom/settings). One row at most: with none,
-- every setting has its default (the values below), so a fresh install and an emptied table mean the same.
-- A NULL name means "the name in the configuration" (BROADSHEET_SITE_NAME), so the configured name stays the
-- fallback. The limits are the settings page's own, so nothing else can store what the page would refuse.
CREATE TABLE site_settings (
    id                 boolean PRIMARY KEY DEFAULT true CHECK (id),
    name               text CHECK (name <> '' AND length(name) <= 80 AND name !~ '[[:cntrl:]]' AND name = btrim(name)),
    tagline            text NOT NULL DEFAULT '' CHECK (length(tagline) <= 200 AND tagline !~ '[[:cntrl:]]'),
    -- for new articles, when the editor's form or the Admin API does not say
    default_access     text NOT NULL DEFAULT 'free' CHECK (default_access IN ('free', 'registered', 'premium')),
    default_comments   text NOT NULL DEFAULT 'open' CHECK (default_comments IN ('open', 'premoderated', 'closed', 'off')),
    -- editors and admins without two-factor sign-in must set it up before using the newsroom
    require_two_factor boolean NOT NULL DEFAULT false,
    -- a session ends after this many hours unused
    session_idle_hours integer NOT NULL DEFAULT 12 CHECK (session_idle_hours BETWEEN 1 AND 168),
    updated_at         timestamptz,
    updated_by         bigint REFERENCES staff ON DELETE SET NULL
);
