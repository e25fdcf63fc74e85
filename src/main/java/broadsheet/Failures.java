package broadsheet;

import broadsheet.importing.ImportException;
import java.util.List;

/** Turns a failure into the lines a person at the terminal reads: one, or one for each problem of an import. */
public final class Failures {
    private Failures() {}

    /** One line, or for an import with several problems, one line for each. */
    public static List<String> lines(Throwable e) {
        if (e instanceof ImportException i) return i.problems().stream().map(Throwable::getMessage).toList();
        return List.of(oneLine(e));
    }

    private static String oneLine(Throwable e) {
        if (e instanceof Config.ConfigException) return e.getMessage();
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
