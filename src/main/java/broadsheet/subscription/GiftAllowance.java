package broadsheet.subscription;

import java.time.Instant;

/**
 * How many more gift links a subscriber may make this month, for the "Gift this article" button on the article
 * page. The gift links answer it (wired by the composition root), so the article page needs not know them.
 */
public interface GiftAllowance {
    /** Nobody may make gifts: for a site without gift links. */
    GiftAllowance NONE = (reader, now) -> 0;

    /** Gift links the reader may still make in the calendar month of {@code now}. */
    int left(long readerId, Instant now);
}
