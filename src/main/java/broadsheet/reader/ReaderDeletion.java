package broadsheet.reader;

import org.jdbi.v3.core.Handle;

/**
 * What another feature does with a reader's things when their account is deleted, in the same transaction, just
 * before the account's row goes (comments kept under "a deleted reader", or removed, say): it all happens, or
 * none of it. Handed over by the composition root, so this package does not know the features.
 */
@FunctionalInterface
public interface ReaderDeletion {
    void before(Handle h, long readerId);

    ReaderDeletion NONE = (h, readerId) -> {};
}
