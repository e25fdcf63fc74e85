package broadsheet.shared;

import java.util.List;

/**
 * One page of a listing: its items, which page it is (from 1), the page size, and either the total count
 * (the newsroom's lists, which show it) or, as {@link #UNCOUNTED}, no total: the public listings read one
 * item beyond the page instead of counting the archive, so a reader's page costs the same however large
 * the archive is. {@code more} says whether a later page has items.
 */
public record Page<T>(List<T> items, int number, int size, long total, boolean more) {
    /** The total of a page read without counting. */
    public static final long UNCOUNTED = -1;

    /** A page of a list whose total is known. */
    public Page(List<T> items, int number, int size, long total) {
        this(items, number, size, total, (long) number * size < total);
    }

    /** A page from up to {@code size + 1} items read in order: the one beyond the page only says that there is more. */
    public static <T> Page<T> readAhead(List<T> itemsAndOneMore, int number, int size) {
        boolean more = itemsAndOneMore.size() > size;
        return new Page<>(more ? List.copyOf(itemsAndOneMore.subList(0, size)) : itemsAndOneMore, number, size, UNCOUNTED, more);
    }

    public boolean counted() {
        return total != UNCOUNTED;
    }

    /** The last page: counted, or as far as is known without counting (this one, or the next when there is more). */
    public int lastPage() {
        if (!counted()) return more ? number + 1 : number;
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return more;
    }

    public boolean hasPrevious() {
        return number > 1;
    }
}
