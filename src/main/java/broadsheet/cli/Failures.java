package broadsheet.cli;

import broadsheet.Config;
import broadsheet.importing.ImportException;

/** Turns a failure into the one line a person at the terminal reads. */
public final class Failures {
    private Failures() {}

    public static String oneLine(Throwable e) {
        if (e instanceof ImportException || e instanceof Config.ConfigException) return e.getMessage();
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
