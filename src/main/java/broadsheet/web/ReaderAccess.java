package broadsheet.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;

/**
 * Who is reading: run before every request that carries a reader's session cookie, it looks the session up
 * once, so pages, the paywall and the header ask {@link #current} instead of the database.
 */
public final class ReaderAccess {
    private static final String READER = "broadsheet.reader";
    private final SignedInReader.Lookup lookup;
    private final Clock clock;

    public ReaderAccess(SignedInReader.Lookup lookup, Clock clock) {
        this.lookup = lookup;
        this.clock = clock;
    }

    /** A before-handler: notes the signed-in reader, if the request names a live session. */
    public void identify(Context ctx) {
        String cookie = ctx.cookie(Cookies.READER);
        if (cookie == null || cookie.isEmpty()) return;
        lookup.session(cookie, clock.instant()).ifPresent(r -> ctx.attribute(READER, r));
    }

    /** This request's reader is no longer signed in (they signed out or deleted the account): the answer is an anonymous one. */
    public static void forget(Context ctx) {
        ctx.attribute(READER, null);
    }

    /** The reader signed in on this request, or empty for an anonymous visitor. */
    public static Optional<SignedInReader> current(Context ctx) {
        return Optional.ofNullable(ctx.attribute(READER));
    }
}
