package broadsheet.web;

import broadsheet.storage.Database;
import gg.jte.generated.precompiled.error.JtepageGenerated;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error answer: an HTML page for people, RFC 9457 problem JSON ({@code application/problem+json})
 * under {@code /api/}. Never a stack trace; unexpected failures are logged with an id the answer repeats.
 */
public final class ErrorPages {
    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);
    static final Template<ErrorView> PAGE = JtepageGenerated::render;
    /** What a 503 asks clients to wait before trying again. */
    static final int RETRY_AFTER_SECONDS = 10;
    private final SiteInfo siteInfo;

    public ErrorPages(SiteInfo siteInfo) {
        this.siteInfo = siteInfo;
    }

    public void problem(HttpProblem p, Context ctx) {
        respond(ctx, p.status(), p.title(), p.detail());
    }

    public void httpException(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        if (status == 404) {
            notFound(ctx);
            return;
        }
        respond(ctx, status, titleFor(status), detailFor(status, e.getMessage()));
    }

    public void unexpected(Exception e, Context ctx) {
        if (Database.unavailable(e)) {
            unavailable(e, ctx);
            return;
        }
        var unreadable = BodyLimits.unreadable(e);
        if (unreadable.isPresent()) {
            // the client's doing (a malformed or oversized body), not a failure of ours: no stack trace
            problem(unreadable.get(), ctx);
            return;
        }
        if (unstorableText(e)) {
            problem(HttpProblem.badRequest("What you sent contains a character that cannot be stored (the NUL character, %00). "
                    + "Remove it and try again; nothing was saved."), ctx);
            return;
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("Request {} {} failed (error id {})", ctx.method(), ctx.path(), id, e);
        respond(ctx, 500, "Something went wrong", "The page could not be produced. The error has been logged as " + id + ".");
    }

    /**
     * The database cannot be reached just now: 503 with {@code Retry-After}, framed without asking the
     * database again. Pages already in the page cache are still served, before any handler runs.
     */
    private void unavailable(Exception e, Context ctx) {
        log.warn("Request {} {} answered 503: the database cannot be reached ({})", ctx.method(), ctx.path(), e.getMessage());
        ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        respond(ctx, 503, "Briefly unavailable", "This site is briefly unavailable. Please try again in a moment.");
    }

    /**
     * Whether the database refused text for a character it cannot hold (PostgreSQL: NUL). Forms check what
     * they can beside the field; this answers the rest with 400, the transaction that failed having kept nothing.
     */
    private static boolean unstorableText(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) return true;
        }
        return false;
    }

    /** For a 404 status set without a body. */
    public void notFoundStatus(Context ctx) {
        if (ctx.result() == null || ctx.result().isEmpty()) notFound(ctx);
    }

    /**
     * An unknown address: redirects {@code /section} to {@code /section/}, otherwise a 404 page. The redirect
     * starts with one slash whatever the address did: {@code //host/x} would otherwise send browsers to
     * another site, and a CDN would keep that for everyone.
     */
    public void notFound(Context ctx) {
        String path = ctx.path();
        if (!path.endsWith("/") && !path.substring(path.lastIndexOf('/') + 1).contains(".") && !path.startsWith("/api/")) {
            String query = ctx.queryString();
            String onThisSite = "/" + path.replaceFirst("^[/\\\\]+", "");
            ctx.header("Cache-Control", CachePolicy.PUBLIC_PAGE.header());
            ctx.redirect(onThisSite + "/" + (query == null ? "" : "?" + query), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        respond(ctx, 404, "Page not found", "There is nothing at this address. It may have moved, or the link may be mistyped.");
    }

    public void methodNotAllowed(Context ctx) {
        if (ctx.result() != null && !ctx.result().isEmpty()) return;
        respond(ctx, 405, "Method not allowed", "This address does not accept " + ctx.method() + " requests.");
    }

    private void respond(Context ctx, int status, String title, String detail) {
        // newsroom answers are never stored: an address missing now may be an article a moment later
        boolean shared = (status == 404 || status == 410) && !ctx.path().startsWith("/newsroom");
        CachePolicy cache = shared ? CachePolicy.SHORT : CachePolicy.NO_STORE;
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            ProblemJson.of(status, title, detail).send(ctx, cache);
            return;
        }
        try {
            Site site = status == 503 ? siteInfo.lastKnown() : siteInfo.siteOrBare();
            Meta meta = Meta.of(title + " | " + site.name(), detail, site.absolute(ctx.path())).asNoindex();
            byte[] html = Pages.render(PAGE, new ErrorView(site, meta, status, title, detail)).getBytes(StandardCharsets.UTF_8);
            Pages.sendError(ctx, html, "text/html; charset=utf-8", cache);
        } catch (RuntimeException e) {
            log.error("The error page itself failed", e);
            ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
            ctx.contentType("text/plain; charset=utf-8");
            ctx.result(status + " " + title + "\n" + detail + "\n");
        }
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 403 -> "Forbidden";
            case 404 -> "Page not found";
            case 405 -> "Method not allowed";
            case 410 -> "Gone";
            case 413 -> "Too large";
            case 415 -> "Unsupported media type";
            default -> status >= 500 ? "Something went wrong" : "Request refused";
        };
    }

    private static String detailFor(int status, String message) {
        return switch (status) {
            case 404 -> "There is nothing at this address.";
            case 413 -> "The request is larger than this site accepts.";
            default -> message == null || message.isBlank() || List.of("Not found", "Bad request").contains(message)
                    ? titleFor(status) + "." : message;
        };
    }
}
