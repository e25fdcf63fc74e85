package broadsheet.importing;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Import files that do not follow the format. Each problem is one line:
 * {@code file:line: key: problem} (the key is left out when the problem is not about one key). One exception
 * may carry every problem a run found ({@link #problems()}), so that a person fixes them all in one go rather
 * than one per run; its message is then their lines, in file order and line order within each file, and its
 * {@link #file()}, {@link #line()}, {@link #key()} and {@link #problem()} are those of the first.
 */
public final class ImportException extends RuntimeException {
    private static final Comparator<ImportException> FILE_THEN_LINE =
            Comparator.comparing(ImportException::file).thenComparingInt(ImportException::line);

    private final String file;
    private final int line;
    private final String key;
    private final String problem;
    private final List<ImportException> problems;

    public ImportException(String file, int line, String key, String problem) {
        super(file + ":" + line + ": " + (key == null ? "" : key + ": ") + problem);
        this.file = file;
        this.line = line;
        this.key = key;
        this.problem = problem;
        this.problems = null;
    }

    private ImportException(List<ImportException> problems) {
        super(problems.stream().map(Throwable::getMessage).collect(Collectors.joining("\n")));
        ImportException first = problems.getFirst();
        this.file = first.file;
        this.line = first.line;
        this.key = first.key;
        this.problem = first.problem;
        this.problems = problems;
    }

    /** One exception for every problem found (each may itself carry several); {@code found} must not be empty. */
    public static ImportException of(Collection<ImportException> found) {
        List<ImportException> all = found.stream().flatMap(e -> e.problems().stream()).sorted(FILE_THEN_LINE).toList();
        if (all.isEmpty()) throw new IllegalArgumentException("no problems");
        return all.size() == 1 ? all.getFirst() : new ImportException(all);
    }

    public String file() { return file; }

    public int line() { return line; }

    /** The front matter key at fault, or null. */
    public String key() { return key; }

    public String problem() { return problem; }

    /** Every problem, each with one line as its message, in file order and line order within a file. */
    public List<ImportException> problems() {
        return problems == null ? List.of(this) : problems;
    }
}
