package broadsheet.search;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a reader asks: words (with {@code "exact phrases"} in quotes), filters, an order and a page. Built and checked
 * by the page or the API from what was sent; empty strings and null dates mean "no filter".
 *
 * @param text    the words as typed, at most {@link #MAX_TEXT} characters
 * @param section a section's slug, or ""
 * @param topic   a topic's slug, or ""
 * @param author  a contributor's slug, or ""
 * @param from    the first day of publication to include (the paper's time zone), or null
 * @param to      the last day of publication to include, or null
 * @param page    1 for the first page, at most {@link #MAX_PAGE}
 */
public record SearchQuery(String text, String section, String topic, String author, LocalDate from, LocalDate to,
                          Order order, int page) {
    /** Results on a page. */
    public static final int PAGE_SIZE = 20;
    /** The deepest page served: 50 pages of 20, like the big search engines stop somewhere. */
    public static final int MAX_PAGE = 50;
    /** The longest query text, in characters. */
    public static final int MAX_TEXT = 200;

    /** The order of the results. */
    public enum Order { RELEVANCE, NEWEST }

    public SearchQuery {
        text = text == null ? "" : text.strip();
        section = section == null ? "" : section;
        topic = topic == null ? "" : topic;
        author = author == null ? "" : author;
        Objects.requireNonNull(order, "order");
        if (text.length() > MAX_TEXT) throw new IllegalArgumentException("query text longer than " + MAX_TEXT);
        if (page < 1 || page > MAX_PAGE) throw new IllegalArgumentException("page out of range: " + page);
    }

    /** Just words, by relevance, first page. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, "", "", "", null, null, Order.RELEVANCE, 1);
    }
}
