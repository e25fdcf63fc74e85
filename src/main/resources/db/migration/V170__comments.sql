-- Readers' comments under articles, and their moderation.

-- A member of staff who moderates readers' comments (and may write drafts as a contributor does).
ALTER TABLE staff DROP CONSTRAINT staff_role_check;
ALTER TABLE staff ADD CONSTRAINT staff_role_check CHECK (role IN ('contributor', 'moderator', 'reporter', 'editor', 'admin'));
ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_role_check;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_role_check CHECK (role IN ('contributor', 'moderator', 'reporter', 'editor', 'admin'));

-- The comment rules of the paper (newsroom Settings page). Who may comment: 'readers' (any signed-in reader) or
-- 'subscribers'. What happens to a deleted reader's comments: 'anonymise' (kept, shown as by a deleted reader) or
-- 'remove'.
ALTER TABLE site_settings
    ADD COLUMN comments_who             text    NOT NULL DEFAULT 'subscribers' CHECK (comments_who IN ('readers', 'subscribers')),
    ADD COLUMN comments_close_days      integer NOT NULL DEFAULT 7 CHECK (comments_close_days BETWEEN 0 AND 3650),
    ADD COLUMN comments_edit_minutes    integer NOT NULL DEFAULT 5 CHECK (comments_edit_minutes BETWEEN 0 AND 60),
    ADD COLUMN comments_min_seconds     integer NOT NULL DEFAULT 10 CHECK (comments_min_seconds BETWEEN 0 AND 3600),
    ADD COLUMN comments_per_hour        integer NOT NULL DEFAULT 30 CHECK (comments_per_hour BETWEEN 1 AND 1000),
    ADD COLUMN comments_links_after     integer NOT NULL DEFAULT 3 CHECK (comments_links_after BETWEEN 0 AND 100),
    ADD COLUMN comments_premoderate_first integer NOT NULL DEFAULT 1 CHECK (comments_premoderate_first BETWEEN 0 AND 100),
    ADD COLUMN comments_premoderate_all boolean NOT NULL DEFAULT false,
    ADD COLUMN comments_on_deletion     text    NOT NULL DEFAULT 'anonymise' CHECK (comments_on_deletion IN ('anonymise', 'remove'));

-- Per article: days after first publication when comments close by themselves, instead of the paper's setting
-- (0: never). NULL follows the setting. The count of approved comments is kept by the trigger below, so listings
-- show it without a query per article.
ALTER TABLE articles
    ADD COLUMN comments_close_days integer CHECK (comments_close_days BETWEEN 0 AND 3650),
    ADD COLUMN comment_count       integer NOT NULL DEFAULT 0 CHECK (comment_count >= 0);

-- One comment. status: 'pending' (held for a moderator, held_reason says why), 'approved' (shown), 'rejected'
-- (rejected_reason says why), 'deleted' (by its writer; shown as "comment deleted" while it has shown replies).
-- parent_id is the comment it answers; root_id the top-level comment of its thread (its own id at the top);
-- depth is where it shows: 0 at the top, at most 2 (deeper replies show at depth 2 with "replying to").
-- reader_id is NULL once the writer's account is deleted (the paper's setting 'anonymise').
CREATE TABLE comments (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id      bigint  NOT NULL REFERENCES articles ON DELETE CASCADE,
    reader_id       bigint  REFERENCES readers ON DELETE SET NULL,
    parent_id       bigint  REFERENCES comments ON DELETE CASCADE,
    root_id         bigint  NOT NULL REFERENCES comments ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    depth           smallint NOT NULL CHECK (depth BETWEEN 0 AND 2),
    -- the name shown, as it was when written (a reader who changes their name keeps old comments' name)
    author_name     text    NOT NULL CHECK (length(author_name) BETWEEN 1 AND 80 AND author_name !~ '[[:cntrl:]]'),
    -- written by a member of staff (a reader account with a staff member's verified address): shown with a badge
    by_staff        boolean NOT NULL DEFAULT false,
    -- plain text as written: paragraphs are separated by blank lines; no HTML
    body            text    NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    status          text    NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'deleted')),
    held_reason     text,
    rejected_reason text,
    -- an editor's pick, and when it was picked
    featured_at     timestamptz,
    recommendations integer NOT NULL DEFAULT 0 CHECK (recommendations >= 0),
    created_at      timestamptz NOT NULL,
    edited_at       timestamptz,
    -- when a moderator last acted on it, and who
    moderated_at    timestamptz,
    moderated_by    bigint REFERENCES staff ON DELETE SET NULL,
    CHECK ((parent_id IS NULL) = (depth = 0)),
    CHECK (status <> 'pending' OR held_reason IS NOT NULL)
);
-- the thread's pages: top-level comments by time and by recommendations, and each top-level comment's replies
CREATE INDEX comments_top_by_time ON comments (article_id, created_at DESC, id DESC) WHERE parent_id IS NULL AND status IN ('approved', 'deleted');
CREATE INDEX comments_top_by_votes ON comments (article_id, recommendations DESC, id DESC) WHERE parent_id IS NULL AND status IN ('approved', 'deleted');
CREATE INDEX comments_top_picks ON comments (article_id, featured_at DESC, id DESC) WHERE parent_id IS NULL AND featured_at IS NOT NULL AND status = 'approved';
CREATE INDEX comments_replies ON comments (root_id, created_at, id) WHERE parent_id IS NOT NULL;
CREATE INDEX comments_parent ON comments (parent_id) WHERE parent_id IS NOT NULL;
-- a reader's own comments, newest first (rate limits, repeats, history)
CREATE INDEX comments_reader ON comments (reader_id, created_at DESC);
-- the moderators' queues
CREATE INDEX comments_pending ON comments (created_at, id) WHERE status = 'pending';
CREATE INDEX comments_recent ON comments (created_at DESC, id DESC);

-- One recommendation per reader per comment.
CREATE TABLE comment_recommendations (
    comment_id bigint NOT NULL REFERENCES comments ON DELETE CASCADE,
    reader_id  bigint NOT NULL REFERENCES readers ON DELETE CASCADE,
    at         timestamptz NOT NULL,
    PRIMARY KEY (comment_id, reader_id)
);
CREATE INDEX comment_recommendations_reader ON comment_recommendations (reader_id);

-- A reader's report of a comment, at most one per reader per comment; resolved when a moderator acts on it.
CREATE TABLE comment_reports (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    comment_id  bigint NOT NULL REFERENCES comments ON DELETE CASCADE,
    reader_id   bigint REFERENCES readers ON DELETE SET NULL,
    reason      text   NOT NULL CHECK (reason IN ('abusive', 'spam', 'off-topic', 'other')),
    details     text   NOT NULL DEFAULT '' CHECK (length(details) <= 500 AND details !~ '[[:cntrl:]]'),
    created_at  timestamptz NOT NULL,
    resolved_at timestamptz,
    resolved_by bigint REFERENCES staff ON DELETE SET NULL
);
CREATE UNIQUE INDEX comment_reports_once ON comment_reports (comment_id, reader_id);
CREATE INDEX comment_reports_open ON comment_reports (created_at, id) WHERE resolved_at IS NULL;

-- A reader as a commenter: their standing (warnings, suspension, ban), their record (kept by the trigger below)
-- and whether they want mail about replies and picks. A reader without a row has a clean record.
CREATE TABLE commenters (
    reader_id       bigint PRIMARY KEY REFERENCES readers ON DELETE CASCADE,
    approved        integer NOT NULL DEFAULT 0 CHECK (approved >= 0),
    rejected        integer NOT NULL DEFAULT 0 CHECK (rejected >= 0),
    warnings        integer NOT NULL DEFAULT 0 CHECK (warnings >= 0),
    last_warning    text,
    suspended_until timestamptz,
    banned_at       timestamptz,
    ban_reason      text,
    notify          boolean NOT NULL DEFAULT true
);

-- Words a comment may not contain (banned: refused with a message) and words that hold it for a moderator
-- (suspect). Kept as typed; matching folds case, accents and punctuation or spaces inside a word.
CREATE TABLE comment_words (
    word       text NOT NULL CHECK (length(word) BETWEEN 1 AND 60 AND word !~ '[[:cntrl:]]'),
    kind       text NOT NULL CHECK (kind IN ('banned', 'suspect')),
    added_at   timestamptz NOT NULL,
    PRIMARY KEY (kind, word)
);

-- The counts follow the comments: an article's approved comments, a reader's approved and rejected ones, and a
-- comment's recommendations. Triggers keep them, so every writer (posting, moderation, deletion) stays right.
CREATE FUNCTION comments_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was_approved boolean := TG_OP <> 'INSERT' AND OLD.status = 'approved';
    is_approved  boolean := TG_OP <> 'DELETE' AND NEW.status = 'approved';
    was_rejected boolean := TG_OP <> 'INSERT' AND OLD.status = 'rejected';
    is_rejected  boolean := TG_OP <> 'DELETE' AND NEW.status = 'rejected';
BEGIN
    IF was_approved AND NOT is_approved THEN
        UPDATE articles SET comment_count = comment_count - 1 WHERE id = OLD.article_id;
    ELSIF is_approved AND NOT was_approved THEN
        UPDATE articles SET comment_count = comment_count + 1 WHERE id = NEW.article_id;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.reader_id IS NOT NULL AND (is_approved <> was_approved OR is_rejected <> was_rejected) THEN
        INSERT INTO commenters (reader_id, approved, rejected)
        VALUES (NEW.reader_id, CASE WHEN is_approved THEN 1 ELSE 0 END, CASE WHEN is_rejected THEN 1 ELSE 0 END)
        ON CONFLICT (reader_id) DO UPDATE SET
            approved = commenters.approved + (CASE WHEN is_approved THEN 1 ELSE 0 END) - (CASE WHEN was_approved THEN 1 ELSE 0 END),
            rejected = commenters.rejected + (CASE WHEN is_rejected THEN 1 ELSE 0 END) - (CASE WHEN was_rejected THEN 1 ELSE 0 END);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER comments_count AFTER INSERT OR DELETE OR UPDATE OF status ON comments
    FOR EACH ROW EXECUTE FUNCTION comments_count();

CREATE FUNCTION comment_recommendations_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE comments SET recommendations = recommendations + 1 WHERE id = NEW.comment_id;
    ELSE
        UPDATE comments SET recommendations = recommendations - 1 WHERE id = OLD.comment_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER comment_recommendations_count AFTER INSERT OR DELETE ON comment_recommendations
    FOR EACH ROW EXECUTE FUNCTION comment_recommendations_count();
