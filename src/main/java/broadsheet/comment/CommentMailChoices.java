package broadsheet.comment;

import org.jdbi.v3.core.Jdbi;

/**
 * Whether a reader wants mail about replies to their comments and their editor's picks ({@code commenters.notify}):
 * yes until they say otherwise, on the account page or with the link in such a mail.
 */
public final class CommentMailChoices {
    private final Jdbi jdbi;

    public CommentMailChoices(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public boolean wanted(long readerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT notify FROM commenters WHERE reader_id = :r").bind("r", readerId)
                .mapTo(Boolean.class).findOne().orElse(true));
    }

    /** Records the reader's choice; false when there is no such reader (an account deleted since), nothing kept. */
    public boolean set(long readerId, boolean wanted) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO commenters (reader_id, notify) SELECT id, :wanted FROM readers WHERE id = :r
                        ON CONFLICT (reader_id) DO UPDATE SET notify = excluded.notify""")
                .bind("r", readerId).bind("wanted", wanted).execute()) == 1;
    }
}
