package broadsheet.web;

/**
 * A request that cannot be answered as asked: thrown by handlers, turned by {@link ErrorPages} into an
 * HTML page for people or RFC 9457 problem JSON for the APIs.
 */
public final class HttpProblem extends RuntimeException {
    private final int status;
    private final String title;

    public HttpProblem(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static HttpProblem notFound() {
        return new HttpProblem(404, "Page not found", "There is nothing at this address.");
    }

    public static HttpProblem badRequest(String detail) {
        return new HttpProblem(400, "Bad request", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }
}
