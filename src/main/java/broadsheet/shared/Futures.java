package broadsheet.shared;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work done on another thread. */
public final class Futures {
    private Futures() {}

    /**
     * The future's value, waiting for it; what the work threw is thrown as itself (an unchecked exception or an error),
     * not wrapped in a {@link CompletionException}, so that a failure reads the same as if the work had run here.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw e;
        }
    }
}
