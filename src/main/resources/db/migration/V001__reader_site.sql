-- The reader site: sections, topics, contributors, the media library and articles.
-- Times are UTC (timestamptz); the application shows them in the paper's zone.

CREATE TABLE sections (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        text NOT NULL CHECK (name <> ''),
    description text NOT NULL DEFAULT '',
    position    int  NOT NULL DEFAULT 0
);

CREATE TABLE topics (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        text NOT NULL CHECK (name <> ''),
    description text NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX topics_name_key ON topics (lower(name));

-- One row per picture in the media library; the same bytes are stored once (sha256 of the original).
CREATE TABLE images (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256       text NOT NULL UNIQUE,
    master_key   text NOT NULL,
    media_type   text NOT NULL,
    width        int  NOT NULL CHECK (width > 0),
    height       int  NOT NULL CHECK (height > 0),
    caption      text NOT NULL DEFAULT '',
    credit       text NOT NULL DEFAULT '',
    alt          text NOT NULL DEFAULT '',
    syndicatable boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL
);

-- Scaled copies made once when the picture enters the library.
CREATE TABLE image_renditions (
    image_id bigint NOT NULL REFERENCES images ON DELETE CASCADE,
    format   text   NOT NULL CHECK (format IN ('jpeg', 'webp')),
    width    int    NOT NULL CHECK (width > 0),
    height   int    NOT NULL CHECK (height > 0),
    blob_key text   NOT NULL,
    bytes    int    NOT NULL,
    PRIMARY KEY (image_id, format, width)
);

-- People and desks ("Our Foreign Staff") who write for the paper.
CREATE TABLE contributors (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug       text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name       text NOT NULL CHECK (name <> ''),
    kind       text NOT NULL CHECK (kind IN ('person', 'desk')),
    job_title  text NOT NULL DEFAULT '',
    bio        text NOT NULL DEFAULT '',
    picture_id bigint REFERENCES images
);
CREATE INDEX contributors_name_idx ON contributors (lower(name));

CREATE TABLE articles (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    section_id         bigint NOT NULL REFERENCES sections,
    slug               text   NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    -- the public address, fixed at first publication: /{section}/{yyyy}/{mm}/{dd}/{slug}/
    path               text UNIQUE,
    headline           text   NOT NULL CHECK (headline <> ''),
    standfirst         text   NOT NULL DEFAULT '',
    seo_title          text,
    seo_description    text,
    body_source        text   NOT NULL DEFAULT '',
    body_html          text   NOT NULL DEFAULT '',
    lead_image_id      bigint REFERENCES images,
    -- per-article overrides of the library's caption, credit and alt text; NULL means "as in the library"
    lead_image_caption text,
    lead_image_credit  text,
    lead_image_alt     text,
    access             text   NOT NULL DEFAULT 'free' CHECK (access IN ('free', 'registered', 'premium')),
    comment_policy     text   NOT NULL DEFAULT 'open' CHECK (comment_policy IN ('open', 'premoderated', 'closed', 'off')),
    status             text   NOT NULL DEFAULT 'draft'
                              CHECK (status IN ('draft', 'submitted', 'scheduled', 'published', 'unpublished')),
    first_published_at timestamptz,
    -- the last significant update, shown to readers as "Updated ..."
    updated_at         timestamptz,
    scheduled_at       timestamptz,
    created_at         timestamptz NOT NULL,
    -- the last change of any kind, for caches and sitemaps
    modified_at        timestamptz NOT NULL,
    version            int NOT NULL DEFAULT 1,
    CHECK (status <> 'published' OR (first_published_at IS NOT NULL AND path IS NOT NULL)),
    CHECK (updated_at IS NULL OR updated_at >= first_published_at)
);
CREATE INDEX articles_latest_idx ON articles (first_published_at DESC, id DESC) WHERE status = 'published';
CREATE INDEX articles_section_idx ON articles (section_id, first_published_at DESC, id DESC) WHERE status = 'published';

-- Earlier public addresses of articles whose slug or section changed; answered with 301.
CREATE TABLE article_paths (
    path       text PRIMARY KEY,
    article_id bigint NOT NULL REFERENCES articles ON DELETE CASCADE
);

CREATE TABLE article_bylines (
    article_id     bigint NOT NULL REFERENCES articles ON DELETE CASCADE,
    position       int    NOT NULL,
    contributor_id bigint NOT NULL REFERENCES contributors,
    PRIMARY KEY (article_id, position),
    UNIQUE (article_id, contributor_id)
);
CREATE INDEX article_bylines_contributor_idx ON article_bylines (contributor_id, article_id);

CREATE TABLE article_topics (
    article_id bigint NOT NULL REFERENCES articles ON DELETE CASCADE,
    position   int    NOT NULL,
    topic_id   bigint NOT NULL REFERENCES topics,
    PRIMARY KEY (article_id, position),
    UNIQUE (article_id, topic_id)
);
CREATE INDEX article_topics_topic_idx ON article_topics (topic_id, article_id);

-- Pictures placed in an article's body, so the library knows where each picture is used.
CREATE TABLE article_inline_images (
    article_id bigint NOT NULL REFERENCES articles ON DELETE CASCADE,
    image_id   bigint NOT NULL REFERENCES images,
    PRIMARY KEY (article_id, image_id)
);
CREATE INDEX article_inline_images_image_idx ON article_inline_images (image_id);
