package broadsheet.newsroom;

import broadsheet.web.Access;
import broadsheet.web.Visitor;
import io.javalin.http.Context;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** Builds the {@link Frame} of newsroom pages from the signed-in visitor and the paper's name in effect. */
public final class Frames {
    private final Supplier<String> siteName;
    private final String stylesheet;
    private final String script;
    private final LongSupplier pendingComments;

    public Frames(Supplier<String> siteName, String stylesheet, String script) {
        this(siteName, stylesheet, script, () -> 0);
    }

    /** {@code pendingComments}: how many comments wait for a moderator, for the menu. */
    public Frames(Supplier<String> siteName, String stylesheet, String script, LongSupplier pendingComments) {
        this.siteName = siteName;
        this.stylesheet = stylesheet;
        this.script = script;
        this.pendingComments = pendingComments;
    }

    public Frame of(Context ctx, String current) {
        if (Access.visitor(ctx) instanceof Visitor.SignedIn s) {
            return new Frame(siteName.get(), s.staff(), s.csrf(), current, stylesheet, script, pendingComments);
        }
        throw new IllegalStateException("newsroom pages are for signed-in staff");
    }

    /** For the sign-in and setup pages, before anyone is signed in. */
    public Frame signedOut() {
        return new Frame(siteName.get(), null, "", "", stylesheet, script, () -> 0);
    }

    public String siteName() {
        return siteName.get();
    }
}
