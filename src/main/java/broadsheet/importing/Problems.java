package broadsheet.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The problems found so far in a file or a run, gathered so that every one is reported at once instead of the
 * first alone. A check that fails is noted and the work goes on with the next; what a failed check would have
 * given is null, and nothing is stored while any problem is noted ({@link #throwIfAny()}).
 */
final class Problems {
    private final List<ImportException> found = new ArrayList<>();

    /** The value, or null when computing it found a problem (which is noted). */
    <T> T value(Supplier<T> value) {
        try {
            return value.get();
        } catch (ImportException e) {
            found.add(e);
            return null;
        }
    }

    /** Runs a check, noting the problem it finds. */
    void check(Runnable check) {
        try {
            check.run();
        } catch (ImportException e) {
            found.add(e);
        }
    }

    void add(ImportException problem) {
        found.add(problem);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws one exception with every problem noted, in file and line order; returns when there is none. */
    void throwIfAny() {
        if (!found.isEmpty()) throw ImportException.of(found);
    }
}
