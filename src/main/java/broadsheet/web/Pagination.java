package broadsheet.web;

import io.javalin.http.Context;

/** Reads {@code ?page=N} (from 1): malformed is a 400, past the last page is a 404. */
public final class Pagination {
    private static final int MAX_PAGE = 100_000;

    private Pagination() {}

    public static int page(Context ctx) {
        String raw = ctx.queryParam("page");
        if (raw == null) return 1;
        if (!raw.matches("[0-9]{1,6}")) throw HttpProblem.badRequest("The page number must be a whole number from 1.");
        int page = Integer.parseInt(raw);
        if (page < 1 || page > MAX_PAGE) throw HttpProblem.badRequest("The page number must be a whole number from 1.");
        return page;
    }

    /** Refuses a page beyond the last one; page 1 of an empty listing is fine. */
    public static void checkExists(int page, int lastPage) {
        if (page > 1 && page > lastPage) throw HttpProblem.notFound();
    }
}
