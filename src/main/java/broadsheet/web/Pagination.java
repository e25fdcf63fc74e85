package broadsheet.web;

import io.javalin.http.Context;

/**
 * Reads {@code ?page=N} (from 1): anything but a whole number from 1 is a 400; a page past the end of the
 * list is a 404 that says so, found either from a count (lists that have one) or from the page being empty
 * (the public listings, which never count the archive).
 */
public final class Pagination {
    /** No list of the site is this long; a page beyond it is past the end without asking the database. */
    private static final int MAX_PAGE = 100_000;
    private static final String WHOLE_NUMBER = "The page number must be a whole number from 1.";

    private Pagination() {}

    public static int page(Context ctx) {
        String raw = ctx.queryParam("page");
        if (raw == null) return 1;
        String digits = wholeNumber(raw);
        if (digits.length() > 6 || Integer.parseInt(digits) > MAX_PAGE) throw beyondTheEnd(digits);
        return Integer.parseInt(digits);
    }

    /**
     * Refuses {@code ?page=} when it is there and not a whole number from 1 (a 400), for lists that no longer have
     * numbered pages but still answer their old addresses.
     */
    public static void checkWellFormed(Context ctx) {
        String raw = ctx.queryParam("page");
        if (raw != null) wholeNumber(raw);
    }

    private static String wholeNumber(String raw) {
        if (!raw.matches("[0-9]{1,100}")) throw HttpProblem.badRequest(WHOLE_NUMBER);
        String digits = raw.replaceFirst("^0+(?=[0-9])", "");
        if (digits.equals("0")) throw HttpProblem.badRequest(WHOLE_NUMBER);
        return digits;
    }

    /** Refuses a page beyond the last one, which the answer names; page 1 of an empty listing is fine. */
    public static void checkExists(int page, int lastPage) {
        if (page > 1 && page > lastPage) {
            throw new HttpProblem(404, "Page not found", "There is no page " + page + " of this list; the last page is " + lastPage + ".");
        }
    }

    /** Refuses an empty page after the first: the list ends before it (how long it is was not counted). */
    public static void checkNotEmpty(int page, boolean empty) {
        if (page > 1 && empty) throw beyondTheEnd(String.valueOf(page));
    }

    private static HttpProblem beyondTheEnd(String page) {
        return new HttpProblem(404, "Page not found", "There is no page " + page + " of this list: it ends before that page.");
    }
}
