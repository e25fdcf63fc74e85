-- Each purge is sent a second time a little after the first (the setting cdn.resend-ms). An instance learns of a change
-- through the change feed, a few milliseconds after it is committed, and empties its page cache then; a purge sent by
-- another instance (or by this one's one-second poll) can reach the CDN first, and the CDN's next request can fetch the
-- old page from a cache not yet emptied and keep it. The second sending takes that page out again.
-- A row sent once and waiting for its second sending is pending again, with resend set; it is sent at next_attempt_at.
ALTER TABLE cdn_purges ADD COLUMN resend boolean NOT NULL DEFAULT false;
