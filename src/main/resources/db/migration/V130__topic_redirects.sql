-- Earlier addresses and names of topics. A topic whose slug was changed, or that was merged into another,
-- leaves its old slug here: /topics/{slug}/ answers 301 with the page of the topic it now leads to. A merged
-- topic also leaves its name, so that name, typed again in the editor or an import, means the kept topic
-- rather than a new one. A slug change alone leaves no name. Neither a topic's current slug nor its current
-- name is ever here: a topic that takes one of its own earlier slugs or names again clears it from its row.
CREATE TABLE topic_redirects (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug       text UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name       text CHECK (name <> ''),
    topic_id   bigint NOT NULL REFERENCES topics ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    CHECK (slug IS NOT NULL OR name IS NOT NULL)
);
-- one meaning per name, in any case, as for topics themselves (topics_name_key)
CREATE UNIQUE INDEX topic_redirects_name_key ON topic_redirects (lower(name));
CREATE INDEX topic_redirects_topic_idx ON topic_redirects (topic_id);
