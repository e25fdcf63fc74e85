package broadsheet.search;

import broadsheet.web.Meta;
import broadsheet.web.Site;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The search page: the form as the reader filled it in, and the results when something was asked.
 *
 * @param asked   what was asked, with the names of the filters
 * @param results the results, or null when nothing was asked yet
 */
public record SearchView(Site site, Meta meta, SearchForm.Asked asked, SearchResults results) {
    /** Page numbers shown either side of the current one. */
    private static final int AROUND = 2;

    public SearchQuery query() {
        return asked.query();
    }

    public String text() {
        return query().text();
    }

    public String from() {
        return query().from() == null ? "" : query().from().toString();
    }

    public String to() {
        return query().to() == null ? "" : query().to().toString();
    }

    public boolean newest() {
        return query().order() == SearchQuery.Order.NEWEST;
    }

    public String earliest() {
        return SearchForm.EARLIEST.toString();
    }

    public String latest() {
        return SearchForm.LATEST.toString();
    }

    /** "1 result", "1,204 results", "more than 1,000 results" (matches are counted that far). */
    public String count() {
        long total = results.total();
        return (results.more() ? "more than " : "") + NumberFormat.getIntegerInstance(Locale.UK).format(total)
                + (total == 1 && !results.more() ? " result" : " results");
    }

    /** {@link #count()} to open a sentence: "1,204 results", "More than 1,000 results". */
    public String countOpening() {
        String count = count();
        return Character.toUpperCase(count.charAt(0)) + count.substring(1);
    }

    /** The last page that can be shown: as many as the results fill, and at most {@link SearchQuery#MAX_PAGE}. */
    public int lastPage() {
        long pages = (results.total() + SearchQuery.PAGE_SIZE - 1) / SearchQuery.PAGE_SIZE;
        return (int) Math.max(1, Math.min(SearchQuery.MAX_PAGE, pages));
    }

    /** The page numbers to link: the first, the last, and a few around this one; 0 stands for a gap. */
    public List<Integer> pageNumbers() {
        int last = lastPage();
        int page = query().page();
        List<Integer> numbers = new ArrayList<>();
        IntStream.rangeClosed(1, last).filter(n -> n == 1 || n == last || Math.abs(n - page) <= AROUND).forEach(n -> {
            if (!numbers.isEmpty() && n - numbers.get(numbers.size() - 1) > 1) numbers.add(0);
            numbers.add(n);
        });
        return numbers;
    }

    /** Any filter narrows the search (shown with the no-results tips: taking them off finds more). */
    public boolean filtered() {
        SearchQuery q = query();
        return !q.section().isEmpty() || !q.topic().isEmpty() || !q.author().isEmpty() || q.from() != null || q.to() != null;
    }

    /** This search's address at another page. */
    public String page(int number) {
        return url(Map.of("page", number <= 1 ? "" : String.valueOf(number)));
    }

    /** This search's address (first page) with one parameter changed; "" takes it off. */
    public String with(String name, String value) {
        return url(Map.of(name, value, "page", ""));
    }

    /** This search's address without either day of the date range. */
    public String withoutDates() {
        return url(Map.of("from", "", "to", "", "page", ""));
    }

    /** This search's words with no filter at all. */
    public String withoutFilters() {
        return SearchForm.address("/search", Map.of("q", query().text()));
    }

    /** The address of a search for other words with the same filters (a "did you mean" link). */
    public String forText(String words) {
        return url(Map.of("q", words, "page", ""));
    }

    /** The names in a byline, as a sentence: "Ann", "Ann and Bob", "Ann, Bob and Cy". */
    public static String names(List<String> bylines) {
        if (bylines.size() <= 1) return bylines.isEmpty() ? "" : bylines.get(0);
        return String.join(", ", bylines.subList(0, bylines.size() - 1)) + " and " + bylines.get(bylines.size() - 1);
    }

    /** The address of a search: this one's parameters with {@code changes} applied, empty ones left out. */
    private String url(Map<String, String> changes) {
        Map<String, String> p = SearchForm.parameters(query());
        p.putAll(changes);
        return SearchForm.address("/search", p);
    }
}
