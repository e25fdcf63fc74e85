package broadsheet.article;

import java.util.List;

/** One page of a listing: its items, which page it is (from 1), the page size and the total count. */
public record Page<T>(List<T> items, int number, int size, long total) {
    public int lastPage() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return number < lastPage();
    }

    public boolean hasPrevious() {
        return number > 1;
    }
}
